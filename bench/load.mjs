/**
 * Load with autocannon, interleaved: for one endpoint, a warm-up of each target, then rounds that
 * alternate the baseline and Woonbrug (the order flips every round), so that the noise of a shared
 * machine hits both alike. The ratios are taken per round and their median is reported.
 */
import autocannon from 'autocannon';
import { median } from './support.mjs';

/** One autocannon run; latencies in milliseconds. */
export async function runLoad({ port, endpoint, cookie, connections, duration }) {
  const headers = { accept: 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (endpoint.body !== undefined) headers['content-type'] = 'application/json';
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${endpoint.path}`,
    method: endpoint.method,
    headers,
    body: endpoint.body === undefined ? undefined : JSON.stringify(endpoint.body),
    connections,
    pipelining: 1,
    duration,
    timeout: Math.max(30, 2 * duration),
  });
  const ok = result['2xx'] ?? 0;
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Warm-up, then `rounds` alternating rounds. A request still running when a round ends is not
 * counted, so for a slow endpoint a round is lengthened (up to `maxDuration`) until the slower
 * target should complete about three requests per connection. `drain` (optional) waits until
 * the servers are idle again after each run; `onRound` reports each round.
 */
export async function interleaved({ endpoint, woonbrugPort, baselinePort, cookie, connections, duration, maxDuration, warmup, rounds, drain, onRound }) {
  const targets = { baseline: baselinePort, woonbrug: woonbrugPort };
  // A run ends with requests still in flight, which the server finishes after autocannon left
  // (holding, for instance, the audit chain's lock): the next run starts once they are done.
  let drainMs = 0;
  const load = async (name, seconds) => {
    const result = await runLoad({ port: targets[name], endpoint, cookie, connections, duration: seconds });
    if (drain) drainMs += await drain();
    return result;
  };
  const warm = {};
  for (const name of ['baseline', 'woonbrug']) warm[name] = await load(name, warmup);
  const slowest = Math.min(warm.baseline.rps, warm.woonbrug.rps);
  const wanted = slowest > 0 ? Math.ceil((3 * connections) / slowest) : Infinity;
  const roundSeconds = Math.max(duration, Math.min(maxDuration ?? duration, wanted));
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ['baseline', 'woonbrug'] : ['woonbrug', 'baseline'];
    const round = {};
    for (const name of order) round[name] = await load(name, roundSeconds);
    round.seconds = roundSeconds;
    round.throughputRatio = round.woonbrug.rps / round.baseline.rps;
    round.p99Ratio = latency(round.woonbrug, 'p99') / latency(round.baseline, 'p99');
    perRound.push(round);
    onRound?.(r, round);
  }
  return {
    roundSeconds,
    drainSeconds: Math.round(drainMs / 100) / 10,
    ...summariseRounds(perRound),
    rounds: perRound,
  };
}

/** A run in which no request finished has a latency longer than the run: Infinity. */
function latency(run, key) {
  return run.rps > 0 ? run[key] : Infinity;
}

/**
 * The ratio of each pair of rounds — rounds 1-2, 3-4, …: in a pair each server runs once first and
 * once second — as the geometric mean of its two rounds' ratios. The server that runs second in a
 * round pays for what the first left behind (checkpoints, autovacuum of the audit table), so single
 * rounds swing both ways (p99 ×0.5 and ×2.5 in turn); with an odd number of rounds, a median over
 * single rounds would count one order once more than the other. An unpaired last round is left out.
 */
function pairRatios(ratios) {
  const pairs = [];
  for (let i = 0; i + 1 < ratios.length; i += 2) pairs.push(Math.sqrt(ratios[i] * ratios[i + 1]));
  return pairs.length > 0 ? pairs : ratios;
}

/**
 * Medians over the rounds for each target, and the medians of the ratios of pairs of rounds
 * ({@link pairRatios}). A round in which nothing finished counts as an infinite latency (in JSON:
 * null, with `unfinishedRounds`).
 */
export function summariseRounds(perRound) {
  const summary = (name) => ({
    rps: median(perRound.map((r) => r[name].rps)),
    p50: median(perRound.map((r) => latency(r[name], 'p50'))),
    p99: median(perRound.map((r) => latency(r[name], 'p99'))),
    unfinishedRounds: perRound.filter((r) => !(r[name].rps > 0)).length,
    non2xx: perRound.reduce((n, r) => n + r[name].non2xx, 0),
    errors: perRound.reduce((n, r) => n + r[name].errors + r[name].timeouts, 0),
  });
  return {
    baseline: summary('baseline'),
    woonbrug: summary('woonbrug'),
    throughputRatio: median(pairRatios(perRound.map((r) => r.woonbrug.rps / r.baseline.rps))),
    p99Ratio: median(pairRatios(perRound.map((r) => latency(r.woonbrug, 'p99') / latency(r.baseline, 'p99')))),
  };
}
