/* eslint no-console: "off", no-restricted-properties: "off" */
/**
 * The bare baseline: `node:http` + `pg`, no framework. For each measured request it runs exactly
 * the statements Woonbrug ran for that request — the list captured from PostgreSQL's own log
 * (bench/results/statements.json) — in the same order, on the same kind of pool (pg, 10
 * connections), with transactions on one connection, and with the request's own values where
 * Woonbrug's differ per request:
 *
 * - the session: the signed cookie is checked (HMAC-SHA256, as @fastify/cookie signs it) and its
 *   id and the current time go into the session lookup; no session row answers 401;
 * - the user: the id read from the session row replaces the captured one;
 * - login: the e-mail and password of the body; the password is verified with argon2id against
 *   the hash that was read (as Woonbrug does); the session rows get a fresh id, expiry and cookie;
 * - the audit events (`audit_append`): the same events with a new time, client address and
 *   correlation id, and their canonical form rebuilt with the built `toAuditRecord` and
 *   `canonicalAuditRecord` — PostgreSQL chains them, so the chain stays valid;
 * - a write's new id (`INSERT … RETURNING id`) replaces the captured one in the statements after.
 *
 * It answers with the rows of the data reads as JSON (not the session, identity or policy reads).
 *
 * Environment: BASELINE_PORT, DATABASE_URL, SESSION_SECRET, BASELINE_STATEMENTS (file),
 * BASELINE_SIZE (key in that file), BENCH_DIST (production build).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { require, requireBuilt } from './support.mjs';

const { Pool } = require('pg');
const { verify } = require('@node-rs/argon2');
const { canonicalAuditRecord } = requireBuilt('libs/audit/src/domain/audit-chain.js');
const { toAuditRecord } = requireBuilt('libs/audit/src/domain/audit-event.js');

const PORT = Number(process.env.BASELINE_PORT ?? 4199);
const SECRET = process.env.SESSION_SECRET;
if (!SECRET || !process.env.DATABASE_URL) throw new Error('SESSION_SECRET and DATABASE_URL are required');
const captured = JSON.parse(readFileSync(process.env.BASELINE_STATEMENTS, 'utf8')).sizes[process.env.BASELINE_SIZE];
if (!captured) throw new Error(`no statements for size ${process.env.BASELINE_SIZE}`);

// The same pool as Woonbrug's data source (libs/database/src/data-source.ts: max 10).
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, application_name: 'woonbrug-baseline' });

/** @fastify/cookie's signature: HMAC-SHA256, base64 without padding. */
function signature(value) {
  return createHmac('sha256', SECRET).update(value).digest('base64').replace(/=/g, '');
}

function unsign(signed) {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const actual = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(signature(value));
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? value : null;
}

function cookieValue(header, name) {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** @fastify/session's id: 24 random bytes, base64url. */
const sessionId = () => randomBytes(24).toString('base64url');

/** Prepared per endpoint: the statements, with what each needs at request time. */
const routes = new Map();
for (const [key, entry] of Object.entries(captured.endpoints)) {
  if (!entry.statements) continue;
  routes.set(`${entry.method} ${entry.path}`, { key, ...entry });
}

let requestCounter = 0;

async function handle(req, res, body) {
  const route = routes.get(`${req.method} ${req.url}`);
  if (!route) return send(res, 404, { code: 'NOT_FOUND' });
  const correlationId = `req-${(++requestCounter).toString(36)}`;
  const clientAddress = req.socket.remoteAddress ?? null;
  const subst = new Map();
  const input = body ? JSON.parse(body) : undefined;
  if (route.requestBody && input) {
    for (const [k, v] of Object.entries(route.requestBody)) if (typeof v === 'string' && typeof input[k] === 'string') subst.set(v, input[k]);
  }
  let sid = null;
  if (route.statements.some((s) => s.role === 'session-read')) {
    const signed = cookieValue(req.headers.cookie, `woonbrug_${route.portal}`);
    sid = signed ? unsign(signed) : null;
    if (!sid) return send(res, 401, { code: 'NOT_AUTHENTICATED' });
  }
  const isLogin = route.method === 'POST' && route.path === '/api/session';
  const now = Date.now();
  let newSid = null;
  let client = null;
  let cookieOut = null;
  const data = [];
  try {
    for (const st of route.statements) {
      let params = st.params === null ? undefined : st.params.map((v) => (typeof v === 'string' && subst.has(v) ? subst.get(v) : v));
      switch (st.role) {
        case 'session-read':
          params = [sid, String(Math.ceil(now / 1000))];
          break;
        case 'session-write':
          if (/^DELETE/i.test(st.text)) {
            // Woonbrug's regenerate destroys the never-saved session it started the request with.
            params = [sessionId()];
          } else {
            newSid ??= sessionId();
            const sess = JSON.parse(st.params[0]);
            const ttl = sess.cookie?.originalMaxAge ?? 28_800_000;
            sess.cookie.expires = new Date(now + ttl).toISOString();
            if (sess.userId) sess.userId = subst.get(sess.userId) ?? sess.userId;
            params = [JSON.stringify(sess), String(Math.ceil((now + ttl) / 1000)), newSid];
            cookieOut = `woonbrug_${route.portal}=${encodeURIComponent(`${newSid}.${signature(newSid)}`)}; Max-Age=${Math.round(ttl / 1000)}; Path=/; Expires=${new Date(now + ttl).toUTCString()}; HttpOnly; SameSite=Lax`;
          }
          break;
        case 'audit-append':
          params = [auditEvents(params[0], correlationId, clientAddress)];
          break;
        default:
          break;
      }
      const runner = client ?? pool;
      if (st.role === 'begin') {
        client = await pool.connect();
        await client.query(st.text);
        continue;
      }
      const result = st.kind === 'simple' || !params || params.length === 0 ? await runner.query(st.text) : await runner.query(st.text, params);
      if (st.role === 'commit' || st.role === 'rollback') {
        client.release();
        client = null;
        continue;
      }
      if (st.role === 'session-read') {
        const row = result.rows[0];
        if (!row) return send(res, 401, { code: 'NOT_AUTHENTICATED' });
        const sess = typeof row.sess === 'string' ? JSON.parse(row.sess) : row.sess;
        if (route.userId && sess.userId) subst.set(route.userId, sess.userId);
      } else if (st.role === 'insert' && route.responseId && result.rows[0]?.id) {
        subst.set(route.responseId, result.rows[0].id);
      } else if (st.role === 'identity' && isLogin) {
        // Login: the account found by e-mail is the user from here on; its password is verified.
        const row = result.rows[0];
        if (!row) return send(res, 401, { code: 'INVALID_CREDENTIALS' });
        const idKey = Object.keys(row).find((k) => k === 'u_id');
        if (route.userId && idKey) subst.set(route.userId, row[idKey]);
        const hashKey = Object.keys(row).find((k) => /password_hash$/.test(k));
        if (hashKey && !(await verify(row[hashKey], input?.password ?? '').catch(() => false))) return send(res, 401, { code: 'INVALID_CREDENTIALS' });
      } else if (st.role === 'read' || st.role === 'insert') {
        data.push(result.rows);
      }
    }
  } finally {
    if (client) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }
  return send(res, route.status ?? 200, { data }, cookieOut);
}

/** The request's audit events: the captured ones with a new time, address and correlation id. */
function auditEvents(captured, correlationId, clientAddress) {
  const now = new Date();
  const events = JSON.parse(captured).map((stored) => {
    const { canonical: _canonical, occurredAt: _occurredAt, canonicalVersion: _version, purposeDigest: _digest, ...event } = stored;
    const record = toAuditRecord({ ...event, clientAddress, correlationId }, now);
    return { ...record, occurredAt: record.occurredAt.toISOString(), canonical: canonicalAuditRecord(record) };
  });
  return JSON.stringify(events);
}

function send(res, status, body, cookie) {
  const payload = JSON.stringify(body);
  const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) };
  if (cookie) headers['set-cookie'] = cookie;
  res.writeHead(status, headers);
  res.end(payload);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    handle(req, res, chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined).catch((error) => {
      console.error('[baseline]', error.message);
      if (!res.headersSent) send(res, 500, { code: 'BASELINE_ERROR' });
    });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(PORT, '127.0.0.1', () => process.stdout.write(`[baseline] listening on ${PORT} (${routes.size} endpoints, size ${process.env.BASELINE_SIZE})\n`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
