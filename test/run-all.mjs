#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order, stopping at the first failure:
 * type-check, lint, dependency boundaries, XSS scan of the templates, then Jest (unit, e2e over
 * HTTP on a real PostgreSQL, browser journeys in Debian's Chromium).
 * Browser tests never skip: without Chromium we install it (as root with apt-get) or stop with
 * a one-line instruction.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

function step(title, command, args) {
  const started = Date.now();
  process.stdout.write(`\n=== ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`=== FAILED: ${title} (${seconds}s)\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`=== ok: ${title} (${seconds}s)\n`);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write(`Chromium is missing for the browser tests: run \`sudo sh -c '${INSTALL}'\` and try again.\n`);
    process.exit(1);
  }
  step('install Debian Chromium for the browser tests', 'sh', ['-c', `${INSTALL} >/tmp/woonbrug-chromium-install.log 2>&1 || (tail -20 /tmp/woonbrug-chromium-install.log; exit 1)`]);
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`Chromium was not installed at ${CHROMIUM}: run \`${INSTALL}\` by hand.\n`);
    process.exit(1);
  }
}

const bin = (name) => `node_modules/.bin/${name}`;
step('type-check (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint (eslint)', bin('eslint'), ['.']);
step('dependency boundaries (dependency-cruiser)', bin('depcruise'), ['apps', 'libs', 'test', '--config', '.dependency-cruiser.cjs']);
step('XSS scan of the page templates (@kitajs/ts-html-plugin)', 'sh', ['-c', `out=$(${bin('xss-scan')} -p tsconfig.json 2>&1); echo "$out"; ! echo "$out" | grep -q 'error'`]);
ensureChromium();
const RESULTS = 'test/artifacts/jest-results.json';
mkdirSync('test/artifacts', { recursive: true });
process.stdout.write('\n=== unit, e2e (HTTP, PostgreSQL) and browser tests (jest)\n');
const jest = spawnSync(bin('jest'), ['--config', 'jest.config.cjs', '--ci', '--maxWorkers=2', '--json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// One plain closing line with the counts, for CI and for people skimming the output.
if (existsSync(RESULTS)) {
  const r = JSON.parse(readFileSync(RESULTS, 'utf8'));
  process.stdout.write(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped\n`);
}
process.exit(jest.status ?? 1);
