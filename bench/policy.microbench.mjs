/* eslint no-console: "off", no-restricted-properties: "off" */
/**
 * Microbenchmark of the policy (libs/policies, production build), for a partner user with 1 and
 * with 1,000 consents, each a grant on its own case (two disclosed categories, a single fact on a
 * third of them), on a case the organisation referred and is the landlord of.
 *
 * What a partner's case detail does per request: the guard's ability (no grants) and its route
 * check, then the ability for the case being read — built from that case's grants only, which is
 * what PartnerGrants.load returns — and the check of one fact. Since issue 7 nothing in it grows
 * with the number of consents (that moved into an indexed lookup of the one case's grants in SQL).
 * For comparison, the design before issue 7: one ability holding all the organisation's grants.
 * Also timed: the facts list's SQL condition (`accessibleWhere`) from the case's ability.
 *
 * Run alone: `node bench/policy.microbench.mjs` (after a build; `npm run bench` builds).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median, percentile, require, requireBuilt } from './support.mjs';

const uuid = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function partnerContext(consents) {
  const grants = [];
  for (let i = 0; i < consents; i++) {
    grants.push({ caseId: uuid(i + 1), categories: ['housing', 'agreements'], factIds: i % 3 === 0 ? [uuid(1_000_000 + i)] : [] });
  }
  const caseIds = grants.map((g) => g.caseId);
  return { grants, referredCaseIds: caseIds, landlordCaseIds: caseIds };
}

/** Median and p95 time of one call of `fn`, in microseconds, over batches of about 20 ms. */
function time(fn, { seconds = 1 } = {}) {
  for (let i = 0; i < 50; i++) fn(i);
  let perBatch = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < perBatch; i++) fn(i);
    if (performance.now() - t > 20 || perBatch > 1_000_000) break;
    perBatch *= 2;
  }
  const samples = [];
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline || samples.length < 10) {
    const t = performance.now();
    for (let i = 0; i < perBatch; i++) fn(i);
    samples.push(((performance.now() - t) * 1000) / perBatch);
  }
  return { medianUs: median(samples), p95Us: percentile(samples, 95), batches: samples.length, perBatch };
}

export function runPolicyMicrobench({ seconds = 1 } = {}) {
  const { buildAbility } = requireBuilt('libs/policies/src/domain/ability.factory.js');
  const { accessibleWhere } = requireBuilt('libs/policies/src/infrastructure/rules-to-sql.js');
  const { subject } = require('@casl/ability');
  const actor = { id: uuid(9_000_001), role: 'landlord_agent', organisationId: uuid(9_000_002) };
  const columns = { id: 'f.id', caseId: 'f.case_id', category: 'f.category', caseWorkerId: 'c.assigned_worker_id' };
  const results = [];
  for (const consents of [1, 1000]) {
    const all = partnerContext(consents);
    // The fact checked is on the last granted case: in the all-grants ability its rule is the last one built.
    const caseId = uuid(consents);
    const onCase = { grants: all.grants.filter((g) => g.caseId === caseId), referredCaseIds: [caseId], landlordCaseIds: [caseId] };
    const fact = subject('Fact', { id: uuid(2_000_000), caseId, category: 'housing', caseWorkerId: uuid(9_000_003) });
    const ability = buildAbility(actor, onCase);
    if (!ability.can('read', fact) || !buildAbility(actor, all).can('read', fact)) throw new Error('microbenchmark fact should be readable');
    const buildAndCheck = time(() => buildAbility(actor).can('read', 'Referral') && buildAbility(actor, onCase).can('read', fact), { seconds });
    const build = time(() => buildAbility(actor, onCase), { seconds });
    const sql = time(() => accessibleWhere(buildAbility(actor, onCase), 'read', 'Fact', columns, 1), { seconds });
    const allGrants = time(() => buildAbility(actor, all).can('read', fact), { seconds });
    results.push({ consents, rules: ability.rules.length, buildAndCheck, build, buildAndFactsSql: sql, allGrantsInOneAbility: { rules: buildAbility(actor, all).rules.length, buildAndCheck: allGrants } });
  }
  return results;
}

export function formatPolicyMicrobench(results) {
  const lines = ['policy microbenchmark (µs per call, median of batches; p95 in brackets)'];
  lines.push('  consents  rules  guard + case ability + check   case ability only   + facts SQL          | before: all grants in one ability (rules)');
  for (const r of results) {
    const cell = (t) => `${t.medianUs.toFixed(1).padStart(9)} [${t.p95Us.toFixed(1).padStart(8)}]`;
    const before = r.allGrantsInOneAbility ? `${cell(r.allGrantsInOneAbility.buildAndCheck)} (${r.allGrantsInOneAbility.rules})` : '';
    lines.push(`  ${String(r.consents).padStart(8)}  ${String(r.rules).padStart(5)}  ${cell(r.buildAndCheck).padEnd(28)}  ${cell(r.build)}  ${cell(r.buildAndFactsSql)} | ${before}`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatPolicyMicrobench(runPolicyMicrobench({ seconds: Number(process.env.BENCH_MICRO_SECONDS ?? 2) })));
}
