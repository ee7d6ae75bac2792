#!/usr/bin/env node
/* eslint no-console: "off", no-restricted-properties: "off" */
/**
 * The yearly report's cold computation (issue 7: the first request after a change to its data)
 * over the benchmark's generated region, without portals or load test: a couple of minutes instead
 * of the full bench.
 *
 *   node bench/yearly-report-profile.mjs [--cases=100000] [--runs=7] [--no-build] [--serve]
 *   node bench/yearly-report-profile.mjs --url=postgres://… [--runs=7]
 *
 * Builds the project (swc, into .data/report-bench/dist, not the bench's own folder), starts an
 * embedded PostgreSQL exactly as `npm run bench` does (bench/support.mjs), migrates, loads the
 * region with bench/generate-data.mjs, then per scope (the coordinator's outreach report, the hot
 * landlord's and an OCMW's figures):
 * - `EXPLAIN (ANALYZE, BUFFERS)` of the report statement, with the settings of its transaction;
 * - `readYearlyReport` (what YearlyReports runs when its kept report is stale: the transaction,
 *   the source version, the referrers, the statement and the shaping), `--runs` times; the median
 *   and the spread are printed. No HTTP: the bench's "first request after a change" adds the
 *   request itself and the version check (a few ms).
 * `--serve` keeps the server running after measuring (Ctrl-C stops it), and prints its URL for
 * `--url=` runs of this script or for psql.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const argv = process.argv.slice(2);
const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name) => argv.includes(`--${name}`);
const WORK = join(import.meta.dirname, '..', '.data', 'report-bench');
process.env.BENCH_DIST ??= join(WORK, 'dist');

const { buildProduction, databaseUrl, log, median, requireBuilt, startPostgres, withClient } = await import('./support.mjs');
const { generateData } = await import('./generate-data.mjs');

const cases = Number(value('cases') ?? 100_000);
const runs = Number(value('runs') ?? 7);

async function prepare() {
  if (!flag('no-build')) {
    mkdirSync(WORK, { recursive: true });
    log(`built in ${buildProduction()} ms (${process.env.BENCH_DIST})`);
  }
  const pg = await startPostgres();
  const db = `woonbrug_report_${cases}`;
  await withClient(pg.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${db}`);
  });
  const url = databaseUrl(pg.adminUrl, db);
  const { runMigrations } = requireBuilt('libs/database/src/cli/run-migrations.js');
  await runMigrations(url);
  log(`loading ${cases} cases…`);
  const data = await withClient(url, (c) => generateData(c, cases));
  log(`loaded in ${(data.loadMs / 1000).toFixed(1)} s: ${JSON.stringify(data.hot.counts)}`);
  return { pg, url };
}

async function measure(url) {
  const { yearlyReportSql, referringOrganisations, readYearlyReport, beginReportTransaction } = requireBuilt('libs/reporting/src/infrastructure/yearly-report.query.js');
  const { withDataSource } = requireBuilt('libs/database/src/cli/run-migrations.js');
  const scopes = await withClient(url, async (c) => {
    const ids = (await c.query(`SELECT md5('bench-org-outreach')::uuid AS outreach, md5('bench-org-landlord-1')::uuid AS landlord, md5('bench-org-ocmw-1')::uuid AS ocmw`)).rows[0];
    return [
      { label: 'outreach (coordinator)', scope: { scope: 'outreach', organisationId: ids.outreach } },
      { label: 'referrer (hot landlord)', scope: { scope: 'referrer', organisationId: ids.landlord } },
      { label: 'referrer (OCMW 1)', scope: { scope: 'referrer', organisationId: ids.ocmw } },
    ];
  });
  const lines = [];
  const out = (line) => {
    lines.push(line);
    console.log(line);
  };
  await withDataSource(url, async (db) => {
    for (const { label, scope } of scopes) {
      // EXPLAIN in a transaction set up as readYearlyReport's.
      const plan = await db.transaction('REPEATABLE READ', async (m) => {
        await beginReportTransaction(m);
        const referrers = scope.scope === 'outreach' ? await referringOrganisations(m) : [];
        const { sql, params } = yearlyReportSql(scope, {}, referrers);
        const rows = await m.query(`EXPLAIN (ANALYZE, BUFFERS, SETTINGS) ${sql}`, params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      out(`=== ${label}: EXPLAIN (ANALYZE, BUFFERS)\n${plan}\n`);
      const times = [];
      for (let i = 0; i < runs + 1; i++) {
        const t = performance.now();
        await readYearlyReport(db, scope, {});
        if (i > 0) times.push(performance.now() - t);
      }
      const sorted = [...times].sort((a, b) => a - b);
      out(`=== ${label}: readYearlyReport ×${runs}: median ${median(times).toFixed(1)} ms (min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)})\n`);
    }
  });
  const file = join(WORK, `profile-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
  mkdirSync(WORK, { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  log(`written to ${file}`);
}

async function main() {
  const given = value('url');
  if (given) return measure(given);
  const { pg, url } = await prepare();
  try {
    await measure(url);
    if (flag('serve')) {
      log(`serving ${url} — Ctrl-C stops the server`);
      writeFileSync(join(WORK, 'url'), `${url}\n`);
      await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
  } finally {
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
