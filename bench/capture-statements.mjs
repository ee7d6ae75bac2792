/* eslint no-console: "off", no-restricted-properties: "off" */
/**
 * What PostgreSQL receives for one request of each endpoint: `log_statement = all` is switched on
 * (ALTER SYSTEM + reload; a backend rereads its configuration before the next command it runs),
 * one request is made, and the server's log is read back up to an end marker. Only the portals'
 * connections (`application_name = woonbrug`) count.
 *
 * The log is PostgreSQL's stderr, with `log_line_prefix = '<<wb %p %a>> '`: a record starts with
 * that prefix; PostgreSQL puts a tab after every newline inside a message, which is taken out again.
 */
import { request } from './support.mjs';

const RECORD_START = /(?:^|\n)(?=<<wb \d+ [^>\n]*>> )/;
const RECORD = /^<<wb (\d+) ([^>\n]*)>> ([A-Z]+): {2}([\s\S]*)$/;

/** Splits a stderr capture into records: pid, application, severity and message. */
export function parseLogRecords(text) {
  const records = [];
  for (const chunk of text.split(RECORD_START)) {
    const m = RECORD.exec(chunk.replace(/\n$/, ''));
    if (!m) continue;
    records.push({ pid: Number(m[1]), app: m[2], severity: m[3], message: m[4].replace(/\n\t/g, '\n') });
  }
  return records;
}

/** `$1 = 'a', $2 = NULL, $3 = 'it''s'` → ['a', null, "it's"]. */
export function parseParameters(detail) {
  const values = [];
  let i = detail.indexOf('$');
  while (i >= 0 && i < detail.length) {
    const eq = detail.indexOf(' = ', i);
    if (eq < 0) break;
    const index = Number(detail.slice(i + 1, eq));
    let j = eq + 3;
    let value;
    if (detail.startsWith('NULL', j)) {
      value = null;
      j += 4;
    } else if (detail[j] === "'") {
      j += 1;
      let out = '';
      for (;;) {
        const q = detail.indexOf("'", j);
        if (q < 0) throw new Error('unterminated parameter value in the log');
        out += detail.slice(j, q);
        if (detail[q + 1] === "'") {
          out += "'";
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      value = out;
    } else {
      throw new Error(`unexpected parameter syntax in the log near: ${detail.slice(j, j + 40)}`);
    }
    values[index - 1] = value;
    i = detail.indexOf('$', j);
  }
  return values;
}

/** What the baseline must do with a statement beyond replaying it. */
export function classify(text) {
  const sql = text.trim();
  if (/^(START TRANSACTION|BEGIN)\b/i.test(sql)) return 'begin';
  if (/^COMMIT\b/i.test(sql)) return 'commit';
  if (/^ROLLBACK\b/i.test(sql)) return 'rollback';
  if (/^SELECT sess FROM "session" WHERE sid = \$1/i.test(sql)) return 'session-read';
  if (/"session"/.test(sql)) return 'session-write';
  if (/\baudit_append\(/i.test(sql)) return 'audit-append';
  // The user behind the session (the identity service's query) and the partner's grants on the
  // case: they decide what may be read; the response is built from the other reads.
  if (/FROM "user_account" "u"/.test(sql)) return 'identity';
  if (/^SELECT 'grant' AS kind\b/i.test(sql)) return 'policy';
  if (/^INSERT\b/i.test(sql)) return 'insert';
  if (/^(UPDATE|DELETE)\b/i.test(sql)) return 'write';
  return 'read';
}

/** The portals' statements in the records, in order, with their parameters. */
export function statementsOf(records) {
  const statements = [];
  const problems = [];
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    if (r.app !== 'woonbrug') continue;
    if (r.severity === 'ERROR' || r.severity === 'FATAL') problems.push(r.message);
    if (r.severity !== 'LOG') continue;
    let kind;
    let text;
    let m;
    if ((m = /^statement: ([\s\S]*)$/.exec(r.message))) {
      kind = 'simple';
      text = m[1];
    } else if ((m = /^execute [^:]*: ([\s\S]*)$/.exec(r.message))) {
      kind = 'extended';
      text = m[1];
    } else {
      continue;
    }
    // connect-pg-simple prunes expired sessions on a timer: not part of any request.
    if (/^DELETE FROM "session" WHERE expire </i.test(text)) continue;
    let params = kind === 'extended' ? [] : null;
    const next = records[k + 1];
    if (kind === 'extended' && next && next.pid === r.pid && next.severity === 'DETAIL' && next.message.startsWith('Parameters: ')) {
      params = parseParameters(next.message.slice('Parameters: '.length));
    }
    statements.push({ pid: r.pid, kind, role: classify(text), text, params });
  }
  return { statements, problems };
}

/**
 * Makes one request per endpoint with statement logging on and returns, per endpoint, the
 * statements PostgreSQL received for it. `pg` is the handle of `startPostgres` (embedded only).
 */
export async function captureStatements({ pg, adminClient, endpoints, cookies, portalPort }) {
  if (!pg.startLogCapture) {
    throw new Error('statement capture reads the embedded server log: run without DATABASE_URL (or with BENCH_REUSE_STATEMENTS=1 and a statements.json from an embedded run)');
  }
  const setLogging = async (value) => {
    await adminClient.query(`ALTER SYSTEM SET log_statement = '${value}'`);
    await adminClient.query(`SELECT pg_reload_conf()`);
    await new Promise((r) => setTimeout(r, 300));
  };
  const captured = {};
  await setLogging('all');
  try {
    for (const endpoint of endpoints) {
      const marker = `woonbrug-bench-end-${endpoint.key}-${Date.now()}`;
      pg.startLogCapture();
      const res = await request(portalPort(endpoint.portal), endpoint.method, endpoint.path, { cookie: cookies[endpoint.user], body: endpoint.body });
      // Every statement of the request was logged before its answer; the marker comes after them.
      await adminClient.query(`SELECT '${marker}'`);
      for (let wait = 0; wait < 200 && !pg.peekLogCapture().includes(marker); wait++) await new Promise((r) => setTimeout(r, 25));
      const text = pg.stopLogCapture();
      if (!text.includes(marker)) throw new Error(`the server log never showed the end marker of ${endpoint.key}: ${text.slice(0, 2000)}`);
      const { statements, problems } = statementsOf(parseLogRecords(text));
      captured[endpoint.key] = {
        method: endpoint.method,
        path: endpoint.path,
        portal: endpoint.portal,
        status: res.status,
        userId: endpoint.userId ?? null,
        requestBody: endpoint.body ?? null,
        responseId: res.body && typeof res.body.id === 'string' ? res.body.id : null,
        errors: problems,
        statements,
      };
    }
  } finally {
    pg.stopLogCapture();
    await setLogging('none');
  }
  return captured;
}
