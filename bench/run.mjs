#!/usr/bin/env node
/* eslint no-console: "off", no-restricted-properties: "off" */
/**
 * `npm run bench`: how close Woonbrug's hot paths come to the limit of this machine.
 *
 * 1. Builds the apps for production (the project's swc build, into .data/bench/dist).
 * 2. Starts PostgreSQL (embedded in a temporary folder, unless DATABASE_URL is set).
 * 3. Per size (1k, 10k, 100k cases): a fresh database, the migrations, the generated region
 *    (bench/generate-data.mjs, in bulk), the three portals as production processes, a login per
 *    measured user, the statements of one request of each endpoint captured from PostgreSQL's log
 *    (bench/results/statements.json), the bare baseline replaying them (bench/baseline-server.mjs),
 *    then per endpoint autocannon (32 connections, no pipelining): a warm-up, then rounds that
 *    alternate baseline and Woonbrug; the median of the per-round ratios is reported.
 * 4. EXPLAIN (ANALYZE, BUFFERS) of every hot statement at the largest size, the policy
 *    microbenchmark, the targets met or missed, bench/results/latest.json.
 *
 * Options: --quick (or BENCH_QUICK=1: 1k only, 2 short rounds, results in bench/results/quick/),
 * --sizes=1k,10k,100k  --rounds=6 (even)  --duration=5 (seconds per round; up to --max-duration=10 for slow
 * endpoints, so that requests can finish)  --warmup=3  --connections=32
 * --endpoints=partner-detail,login  --profile (CPU profiles of the portals under load)  --no-build
 * --summary (print the table and targets of the last run again)
 * --explain-only (load, capture and EXPLAIN at the largest size; no load test, results untouched)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { captureStatements } from './capture-statements.mjs';
import { summariseProfile } from './cpu-profile.mjs';
import { endpointsFor } from './endpoints.mjs';
import { explainStatements } from './explain.mjs';
import { BENCH_PASSWORD, BENCH_TOTP_SECRET, generateData } from './generate-data.mjs';
import { interleaved, summariseRounds } from './load.mjs';
import { formatPolicyMicrobench, runPolicyMicrobench } from './policy.microbench.mjs';
import {
  BENCH_DIR,
  buildProduction,
  databaseUrl,
  DIST,
  log,
  median,
  percentile,
  PORTS,
  request,
  requireBuilt,
  RESULTS_DIR,
  ROOT,
  startPortals,
  startPostgres,
  stopChildren,
  withClient,
  WORK_DIR,
  assertPortFree,
  liveChildren,
  require,
} from './support.mjs';

const { Secret, TOTP } = require('otpauth');

const SIZES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };

function parseOptions(argv) {
  const flag = (name) => argv.includes(`--${name}`);
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = flag('quick') || process.env.BENCH_QUICK === '1';
  const options = {
    quick,
    sizes: (value('sizes') ?? (quick ? '1k' : '1k,10k,100k')).split(',').map((s) => s.trim()),
    // An even number: rounds are paired so that each server runs first as often as second (load.mjs).
    rounds: 2 * Math.ceil(Number(value('rounds') ?? (quick ? 2 : 6)) / 2),
    duration: Number(value('duration') ?? (quick ? 3 : 5)),
    maxDuration: Number(value('max-duration') ?? (quick ? 6 : 10)),
    warmup: Number(value('warmup') ?? (quick ? 1 : 3)),
    connections: Number(value('connections') ?? 32),
    endpoints: value('endpoints')?.split(','),
    profile: flag('profile'),
    build: !flag('no-build'),
    explainOnly: flag('explain-only'),
    microSeconds: quick ? 0.5 : 2,
  };
  for (const s of options.sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s} (use ${Object.keys(SIZES).join(', ')})`);
  options.resultsDir = quick ? join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  return options;
}

/** A number for the table; Infinity is a latency longer than the round (nothing finished in it). */
const fmt = (n, digits = 0) => (n === Infinity ? '> round' : typeof n !== 'number' || !Number.isFinite(n) ? '—' : n.toFixed(digits));
const ratio = (n) => (n === Infinity ? '∞' : `${fmt(n, 2)}×`);

async function startBaseline({ url, sessionSecret, statementsFile, size }) {
  await assertPortFree(PORTS.baseline);
  const child = spawn(process.execPath, [join(BENCH_DIR, 'baseline-server.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      SESSION_SECRET: sessionSecret,
      BASELINE_PORT: String(PORTS.baseline),
      BASELINE_STATEMENTS: statementsFile,
      BASELINE_SIZE: size,
      BENCH_DIST: DIST,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${PORTS.baseline}/`);
      return child;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) {
        await stopChildren([child]);
        throw new Error('the baseline server did not start');
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function reusedStatements(file, label) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    doc = null;
  }
  const entry = doc?.sizes?.[label]?.endpoints;
  if (!entry) throw new Error(`BENCH_REUSE_STATEMENTS: ${relative(ROOT, file)} has no statements for ${label}; capture them once with the embedded server`);
  log(`${label}: reusing the statements captured on ${doc.capturedAt}`);
  return entry;
}

/**
 * Waits until neither Woonbrug nor the baseline has a statement running or a transaction open
 * (half a second without one), at most three minutes; returns how long that took.
 */
async function waitUntilQuiet(client, timeoutMs = 180_000) {
  const started = Date.now();
  let quietPolls = 0;
  while (Date.now() - started < timeoutMs) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS busy FROM pg_stat_activity
        WHERE datname = current_database() AND application_name IN ('woonbrug', 'woonbrug-baseline') AND state <> 'idle'`,
    );
    quietPolls = rows[0].busy === 0 ? quietPolls + 1 : 0;
    if (quietPolls >= 5) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

/**
 * Sequential latency of one request (no load), e.g. the yearly report. `beforeEach` runs before
 * every request, outside the timing (the report: a change to its data, so that it is computed anew).
 */
async function sequentialLatency(port, endpoint, cookie, count, beforeEach = async () => {}) {
  const times = [];
  for (let i = 0; i < count + 2; i++) {
    await beforeEach();
    const t = performance.now();
    const res = await request(port, endpoint.method, endpoint.path, { cookie, body: endpoint.body });
    if (res.status !== endpoint.expect) throw new Error(`${endpoint.key} answered ${res.status}`);
    if (i >= 2) times.push(performance.now() - t);
  }
  return { medianMs: median(times), p95Ms: percentile(times, 95), count };
}

async function runSize({ pg, label, options, statementsDoc, statementsFile, results, profileDir }) {
  const cases = SIZES[label];
  const dbName = `woonbrug_bench_${label}`;
  await withClient(pg.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${dbName}`);
  });
  const url = databaseUrl(pg.adminUrl, dbName);
  const { runMigrations } = requireBuilt('libs/database/src/cli/run-migrations.js');
  const migrateStarted = Date.now();
  await runMigrations(url);
  const migrateMs = Date.now() - migrateStarted;
  log(`${label}: loading ${cases} cases…`);
  const data = await withClient(url, (c) => generateData(c, cases));
  log(`${label}: loaded in ${(data.loadMs / 1000).toFixed(1)} s (migrations ${migrateMs} ms): ${JSON.stringify(data.hot.counts)}`);
  for (const s of data.steps) log(`    ${s.name.padEnd(44)} ${String(s.ms).padStart(7)} ms  ${s.rows} rows`);
  const sizeResult = { cases, load: { ms: data.loadMs, migrateMs, steps: data.steps }, counts: data.hot.counts, endpoints: {} };
  results.sizes[label] = sizeResult;

  const sessionSecret = randomBytes(32).toString('hex');
  const apps = await startPortals({ url, sessionSecret, notesKeys: `1:${randomBytes(32).toString('base64')}`, cpuProfileDir: profileDir });
  let baseline;
  const cleanups = [];
  try {
    const cookies = {};
    for (const [user, account, portal] of [
      ['landlord', data.hot.landlord, 'landlord'],
      ['worker', data.hot.worker, 'worker'],
      ['coordinator', data.hot.coordinator, 'worker'],
    ]) {
      const res = await request(PORTS[portal], 'POST', '/api/session', { body: { email: account.email, password: BENCH_PASSWORD } });
      if (res.status !== 200 || !res.cookie) throw new Error(`login of the ${user} failed: ${res.status} ${res.text.slice(0, 200)}`);
      cookies[user] = res.cookie;
      if (res.body?.secondFactor) {
        // Worker-portal roles: the TOTP code of the bench secret completes the login.
        const code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(BENCH_TOTP_SECRET) }).generate();
        const second = await request(PORTS[portal], 'POST', '/api/session/second-factor', { cookie: res.cookie, body: { code } });
        if (second.status !== 200 || !second.cookie) throw new Error(`second factor of the ${user} failed: ${second.status} ${second.text.slice(0, 200)}`);
        cookies[user] = second.cookie;
      }
    }
    const today = new Date().toISOString().slice(0, 10);
    let endpoints = endpointsFor(data.hot, today);
    if (options.endpoints) endpoints = endpoints.filter((e) => options.endpoints.includes(e.key));
    const available = [];
    for (const endpoint of endpoints) {
      const res = await request(PORTS[endpoint.portal], endpoint.method, endpoint.path, { cookie: cookies[endpoint.user], body: endpoint.body });
      if (res.status === 404 && endpoint.optional) {
        log(`${label}: ${endpoint.title}: not available (${endpoint.method} ${endpoint.path} answers 404) — skipped`);
        sizeResult.endpoints[endpoint.key] = { title: endpoint.title, available: false };
        continue;
      }
      if (res.status !== endpoint.expect) throw new Error(`${endpoint.key}: expected ${endpoint.expect}, got ${res.status}: ${res.text.slice(0, 300)}`);
      available.push(endpoint);
    }

    // What PostgreSQL receives for one request of each endpoint: the baseline replays exactly that.
    // A server of DATABASE_URL has no log to read here: reuse the list of an earlier embedded run
    // (the generated ids are the same), when asked to.
    const reused = !pg.startLogCapture && process.env.BENCH_REUSE_STATEMENTS === '1' ? reusedStatements(statementsFile, label) : null;
    const captured = reused ?? (await withClient(url, (admin) => captureStatements({ pg, adminClient: admin, endpoints: available, cookies, portalPort: (p) => PORTS[p] })));
    for (const [key, entry] of Object.entries(captured)) {
      const byRole = {};
      for (const s of entry.statements) byRole[s.role] = (byRole[s.role] ?? 0) + 1;
      log(`${label}: ${key}: ${entry.statements.length} statements ${JSON.stringify(byRole)}`);
      if (entry.errors.length) log(`${label}: ${key}: PostgreSQL reported errors: ${entry.errors.join(' | ')}`);
    }
    if (!reused && !options.explainOnly) {
      statementsDoc.sizes[label] = { endpoints: captured };
      writeFileSync(statementsFile, `${JSON.stringify(statementsDoc, null, 1)}\n`);
    }

    if (label === options.sizes[options.sizes.length - 1]) {
      const explained = await withClient(url, (c) => explainStatements(c, captured, `${label} cases`));
      const file = join(options.resultsDir, `explain-${label}.txt`);
      writeFileSync(file, `${explained.text}\n`);
      results.explain = { size: label, file: relative(ROOT, file), seqScansOnBigTables: explained.flags };
      log(`${label}: EXPLAIN of the hot statements → ${relative(ROOT, file)}${explained.flags.length ? `; SEQ SCANS on big tables: ${explained.flags.map((f) => `${f.endpoint} (${f.tables.join(', ')})`).join('; ')}` : '; no sequential scan of a big table'}`);
    }

    if (options.explainOnly) return;
    baseline = await startBaseline({ url, sessionSecret, statementsFile, size: label });
    for (const endpoint of available) {
      const res = await request(PORTS.baseline, endpoint.method, endpoint.path, { cookie: cookies[endpoint.user], body: endpoint.body });
      if (res.status !== endpoint.expect) throw new Error(`baseline ${endpoint.key}: expected ${endpoint.expect}, got ${res.status}: ${res.text.slice(0, 300)}`);
      if (endpoint.key === 'login') {
        // The baseline wrote the session row itself: the real portal must accept its cookie.
        const me = await request(PORTS[endpoint.portal], 'GET', '/api/session', { cookie: res.cookie });
        if (me.body?.user?.id !== endpoint.userId) throw new Error(`the portal does not accept the baseline's login session: ${me.text.slice(0, 200)}`);
      }
    }

    const monitor = new (require('pg').Client)({ connectionString: url, application_name: 'woonbrug-bench' });
    await monitor.connect();
    cleanups.push(() => monitor.end().catch(() => undefined));
    for (const endpoint of available) {
      if (profileDir) apps.startProfile(endpoint.portal);
      log(`${label}: ${endpoint.title}: warm-up ${options.warmup} s each, then ${options.rounds} rounds of baseline and Woonbrug (${options.duration}-${options.maxDuration} s each)`);
      const measured = await interleaved({
        endpoint,
        woonbrugPort: PORTS[endpoint.portal],
        baselinePort: PORTS.baseline,
        cookie: cookies[endpoint.user],
        connections: options.connections,
        duration: options.duration,
        maxDuration: options.maxDuration,
        warmup: options.warmup,
        drain: () => waitUntilQuiet(monitor),
        rounds: options.rounds,
        onRound: (r, round) =>
          log(
            `    round ${r + 1} (${round.seconds} s): baseline ${fmt(round.baseline.rps)} req/s p99 ${fmt(round.baseline.p99)} ms | Woonbrug ${fmt(round.woonbrug.rps)} req/s p99 ${fmt(round.woonbrug.p99)} ms | ratio ${fmt(round.throughputRatio, 2)}, p99 ×${fmt(round.p99Ratio, 2)}`,
          ),
      });
      const entry = { title: endpoint.title, available: true, method: endpoint.method, path: endpoint.path, statements: captured[endpoint.key].statements.length, ...measured };
      if (profileDir) {
        const named = await apps.stopProfile(endpoint.portal, join(profileDir, `${label}-${endpoint.key}.cpuprofile`)).catch((error) => {
          log(`${label}: ${endpoint.key}: ${error.message}`);
          return null;
        });
        if (named) {
          const summary = summariseProfile(JSON.parse(readFileSync(named, 'utf8')));
          writeFileSync(`${named}.txt`, `${summary}\n`);
          entry.profile = relative(ROOT, named);
          log(`${label}: ${endpoint.key}: CPU profile of the ${endpoint.portal} portal → ${relative(ROOT, named)}\n${summary}`);
        }
      }
      if (endpoint.report) {
        entry.sequential = await sequentialLatency(PORTS[endpoint.portal], endpoint, cookies[endpoint.user], options.quick ? 5 : 15);
        log(`${label}: ${endpoint.title}: one request at a time: median ${fmt(entry.sequential.medianMs, 1)} ms, p95 ${fmt(entry.sequential.p95Ms, 1)} ms`);
        // The first request after a change to the report's data computes it anew (libs/reporting, YearlyReports).
        entry.afterChange = await withClient(url, (c) =>
          sequentialLatency(PORTS[endpoint.portal], endpoint, cookies[endpoint.user], options.quick ? 3 : 7, () =>
            c.query(`SELECT report_source_bump('00000000-0000-0000-0000-000000000000')`),
          ),
        );
        log(`${label}: ${endpoint.title}: first request after a change: median ${fmt(entry.afterChange.medianMs, 1)} ms, p95 ${fmt(entry.afterChange.p95Ms, 1)} ms`);
      }
      if (measured.woonbrug.non2xx || measured.baseline.non2xx || measured.woonbrug.errors || measured.baseline.errors) {
        log(`${label}: ${endpoint.key}: WARNING non-2xx Woonbrug ${measured.woonbrug.non2xx}, baseline ${measured.baseline.non2xx}; errors ${measured.woonbrug.errors}/${measured.baseline.errors}`);
      }
      sizeResult.endpoints[endpoint.key] = entry;
    }

    if (label === options.sizes[0]) {
      // Both servers appended to the one hash chain: it must still verify end to end.
      const { withDataSource } = requireBuilt('libs/database/src/cli/run-migrations.js');
      const { verifyAuditChain } = requireBuilt('libs/audit/src/infrastructure/verify-audit-chain.js');
      const started = Date.now();
      const verification = await withDataSource(url, (db) => verifyAuditChain(db));
      sizeResult.auditChain = { ...verification, ms: Date.now() - started };
      log(`${label}: audit chain after the run (Woonbrug's and the baseline's events): ${verification.ok ? `valid, ${verification.count} events` : `BROKEN at ${verification.brokenAt} (${verification.reason})`}`);
    }
  } finally {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    if (baseline) await stopChildren([baseline]);
    await apps.stop();
  }
  await withClient(pg.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
}

/** The targets of issue 7, met or missed. */
function evaluateTargets(results, options) {
  const targets = [];
  const sizes = Object.keys(results.sizes);
  for (const key of ['partner-detail', 'partner-list']) {
    for (const size of sizes) {
      const e = results.sizes[size].endpoints[key];
      if (!e?.available) continue;
      const met = Number.isFinite(e.throughputRatio) && e.throughputRatio >= 0.7 && Number.isFinite(e.p99Ratio) && e.p99Ratio <= 1.5;
      targets.push({
        target: `${e.title} at ${size}: ≥ 0.7× baseline throughput and p99 ≤ 1.5× baseline p99`,
        value: `${ratio(e.throughputRatio)} throughput, p99 ${ratio(e.p99Ratio)}${e.woonbrug.unfinishedRounds ? ` (no Woonbrug request finished in ${e.woonbrug.unfinishedRounds} of ${e.rounds.length} rounds of ${e.roundSeconds} s)` : ''}`,
        met,
      });
    }
  }
  const first = sizes.includes('1k') ? '1k' : null;
  const last = sizes.includes('100k') ? '100k' : null;
  for (const key of ['partner-list', 'partner-detail', 'worker-caseload']) {
    const a = first && results.sizes[first].endpoints[key];
    const b = last && results.sizes[last].endpoints[key];
    if (!a?.available || !b?.available) {
      targets.push({ target: `${key}: p99 at 100k ≤ 1.25× p99 at 1k`, value: 'needs the 1k and 100k sizes', met: null });
      continue;
    }
    const growth = b.woonbrug.p99 / a.woonbrug.p99;
    targets.push({
      target: `${a.title}: p99 at 100k ≤ 1.25× p99 at 1k`,
      value: `${fmt(a.woonbrug.p99)} ms → ${b.woonbrug.p99 === Infinity ? `longer than a round (${b.roundSeconds} s)` : `${fmt(b.woonbrug.p99)} ms`} (${ratio(growth)}; baseline ${ratio(b.baseline.p99 / a.baseline.p99)})`,
      met: Number.isFinite(growth) && growth <= 1.25,
    });
  }
  const report = last && results.sizes[last].endpoints['yearly-report'];
  if (report?.available) {
    targets.push({ target: 'yearly report over 100k cases ≤ 200 ms (median, one request at a time)', value: `${fmt(report.sequential.medianMs, 1)} ms (p95 ${fmt(report.sequential.p95Ms, 1)} ms)`, met: report.sequential.medianMs <= 200 });
    if (report.afterChange) {
      targets.push({
        target: 'yearly report over 100k cases ≤ 200 ms, first request after a change to its data',
        value: `${fmt(report.afterChange.medianMs, 1)} ms (p95 ${fmt(report.afterChange.p95Ms, 1)} ms)`,
        met: report.afterChange.medianMs <= 200,
      });
    }
  } else {
    const anyReport = sizes.map((s) => results.sizes[s].endpoints['yearly-report']).find((e) => e?.available === false);
    targets.push({ target: 'yearly report over 100k cases ≤ 200 ms', value: anyReport ? 'report not available (404)' : 'needs the 100k size', met: null });
  }
  const micro = results.microbench?.find((m) => m.consents === 1000);
  if (micro) targets.push({ target: 'ability build + check ≤ 0.1 ms for a user with 1,000 consents', value: `${fmt(micro.buildAndCheck.medianUs / 1000, 3)} ms`, met: micro.buildAndCheck.medianUs <= 100 });
  if (options.quick) for (const t of targets) t.note = 'quick mode: short rounds, indicative only';
  return targets;
}

function table(results) {
  const lines = [];
  const header = ['size', 'endpoint', 'base req/s', 'p50', 'p99', 'Woonbrug req/s', 'p50', 'p99', 'req/s ratio', 'p99 ratio'];
  const rows = [];
  for (const [size, s] of Object.entries(results.sizes)) {
    for (const e of Object.values(s.endpoints)) {
      if (!e.available) {
        rows.push([size, e.title, 'not available', '', '', '', '', '', '', '']);
        continue;
      }
      const rps = (n) => fmt(n, n < 10 ? 1 : 0);
      rows.push([size, e.title, rps(e.baseline.rps), fmt(e.baseline.p50), fmt(e.baseline.p99), rps(e.woonbrug.rps), fmt(e.woonbrug.p50), fmt(e.woonbrug.p99), ratio(e.throughputRatio), ratio(e.p99Ratio)]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  lines.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line));
  lines.push('(latencies in ms, medians over the rounds; ratios are medians over pairs of rounds of the Woonbrug/baseline ratios, see bench/load.mjs)');
  return lines.join('\n');
}

/** The summary of a finished run: the table, load times, microbenchmark and targets. */
function printSummary(results, files) {
  console.log(`\n${table(results)}\n`);
  console.log('load times: ' + Object.entries(results.sizes).map(([s, r]) => `${s} ${fmt(r.load.ms / 1000, 1)} s`).join(', '));
  console.log(`\n${formatPolicyMicrobench(results.microbench)}\n`);
  console.log('targets:');
  for (const t of results.targets) console.log(`  [${t.met === null ? ' n/a ' : t.met ? ' met ' : 'MISSED'}] ${t.target}: ${t.value}`);
  if (results.explain?.seqScansOnBigTables.length) console.log(`\nsequential scans of big tables at ${results.explain.size}: see ${results.explain.file}`);
  console.log(`\nresults: ${files}`);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (process.argv.includes('--summary')) {
    // The summary of the last run again, recomputed from its rounds (nothing is measured).
    const file = join(options.resultsDir, 'latest.json');
    const results = JSON.parse(readFileSync(file, 'utf8'));
    for (const size of Object.values(results.sizes)) {
      for (const e of Object.values(size.endpoints)) if (e.available && e.rounds) Object.assign(e, summariseRounds(e.rounds));
    }
    results.targets = evaluateTargets(results, { quick: results.settings.quick });
    writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
    return printSummary(results, relative(ROOT, file));
  }
  mkdirSync(options.resultsDir, { recursive: true });
  const started = Date.now();
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}`, loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))) },
    settings: { quick: options.quick, sizes: options.sizes, rounds: options.rounds, durationSeconds: options.duration, maxDurationSeconds: options.maxDuration, warmupSeconds: options.warmup, connections: options.connections, pipelining: 1 },
    sizes: {},
  };
  log(`Woonbrug benchmark${options.quick ? ' (quick)' : ''}: sizes ${options.sizes.join(', ')}, ${options.rounds} rounds of ${options.duration} s, ${options.connections} connections, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}`);
  if (options.build) {
    log('building the apps for production…');
    log(`built in ${buildProduction()} ms (${relative(ROOT, DIST)})`);
  }
  const statementsFile = join(options.resultsDir, 'statements.json');
  const statementsDoc = {
    note: 'What PostgreSQL received for one request of each endpoint (log_statement = all), per size. bench/baseline-server.mjs replays these.',
    capturedAt: new Date().toISOString(),
    sizes: {},
  };
  const profileDir = options.profile ? join(WORK_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const pg = await startPostgres();
  const stopAll = async () => {
    await stopChildren([...liveChildren]);
    await pg.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stopAll().then(() => process.exit(130)));
  try {
    await withClient(pg.adminUrl, async (c) => {
      results.machine.postgres = (await c.query('SHOW server_version')).rows[0].server_version;
      results.machine.postgresEmbedded = pg.embedded;
    });
    for (const label of options.sizes) await runSize({ pg, label, options, statementsDoc, statementsFile, results, profileDir });
  } finally {
    await stopAll();
  }
  if (options.explainOnly) return log(`EXPLAIN only: ${results.explain?.file ?? 'nothing written'} (${Math.round((Date.now() - started) / 1000)} s)`);
  log('policy microbenchmark…');
  results.microbench = runPolicyMicrobench({ seconds: options.microSeconds });
  results.targets = evaluateTargets(results, options);
  results.machine.loadAverageAtEnd = loadavg().map((l) => Number(l.toFixed(2)));
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  const out = join(options.resultsDir, 'latest.json');
  writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
  printSummary(results, `${relative(ROOT, out)}, ${relative(ROOT, statementsFile)}${results.explain ? `, ${results.explain.file}` : ''} (${results.totalSeconds} s)`);
}

main().catch((error) => {
  console.error('[bench] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
