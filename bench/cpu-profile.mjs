/* eslint no-console: "off", no-restricted-properties: "off" */
/**
 * CPU profiles of a portal under load, for `npm run bench -- --profile`. Loaded into the portal's
 * process with `node --import` (no application code changes) when it is started with an IPC
 * channel: the message `{ profile: 'start' }` starts the V8 sampling profiler, `{ profile: 'stop',
 * file }` writes the profile to `file` and answers `{ profiled: file }` (open it in Chrome
 * DevTools, or read the summary `npm run bench` prints). Not signals: Nest's shutdown hooks close
 * the app on SIGUSR2; and not `--cpu-prof`, which writes only at a normal exit.
 */
import { Session } from 'node:inspector';
import { renameSync, writeFileSync } from 'node:fs';

if (process.env.BENCH_CPU_PROFILE === '1' && process.send) {
  const session = new Session();
  session.connect();
  process.on('message', (message) => {
    if (message?.profile === 'start') {
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')));
    } else if (message?.profile === 'stop') {
      session.post('Profiler.stop', (error, result) => {
        if (error) return process.send({ profiled: null, error: error.message });
        writeFileSync(`${message.file}.tmp`, JSON.stringify(result.profile));
        renameSync(`${message.file}.tmp`, message.file);
        process.send({ profiled: message.file });
      });
    }
  });
  // The channel must not keep a portal alive that is shutting down.
  process.channel?.unref();
}

/**
 * The top functions by self time of a .cpuprofile, and the same grouped by where the code lives
 * (an npm package, a Woonbrug lib, Node itself), as text.
 */
export function summariseProfile(profile, top = 20) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas ?? [];
  for (let k = 0; k < profile.samples.length; k++) {
    const id = profile.samples[k];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[k] ?? 0));
  }
  const fn = new Map();
  const place = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byNode.get(id);
    const frame = node.callFrame;
    total += us;
    if (frame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const url = frame.url || '';
    const where = whereOf(url, frame.functionName);
    const key = `${frame.functionName || '(anonymous)'}  ${shortUrl(url)}:${frame.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    place.set(where, (place.get(where) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const lines = [`busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s sampled (idle ${(idle / 1e6).toFixed(1)} s)`];
  lines.push('  by place:');
  for (const [k, us] of [...place].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`    ${pct(us)}  ${k}`);
  lines.push('  by function (self time):');
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(us)}  ${k}`);
  return lines.join('\n');
}

function shortUrl(url) {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + '/dist/'.length);
  return url.replace(/^file:\/\//, '');
}

function whereOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8)';
  if (url.startsWith('node:')) return 'node core';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return `npm ${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const m = /\/(libs|apps)\/([^/]+)\//.exec(url);
  return m ? `woonbrug ${m[1]}/${m[2]}` : url;
}
