/**
 * `npm run -s test:convergence -- --clients <n> --seconds <s> --seed <n>`
 * Exits 0 only when every client and the server converged; the last line reads
 * `converged: clients=<n> mutations=<m> lost=0 duplicated=0`.
 */
import { parseArgs } from 'node:util';
import { runConvergence } from './convergence';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    /** Replays a run exactly: the rounds the failed run printed (instead of --seconds). */
    rounds: { type: 'string' },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const seed = Number(values.seed);
if (![clients, seconds, seed].every(Number.isFinite) || clients < 1 || seconds <= 0) {
  console.error('usage: test:convergence -- --clients <n ≥ 1> --seconds <s > 0> --seed <n>');
  process.exit(2);
}

console.log(`convergence: clients=${clients} seconds=${seconds} seed=${seed}`);
const rounds = values.rounds === undefined ? undefined : Number(values.rounds);
const result = await runConvergence({
  clients,
  seconds,
  seed,
  ...(rounds !== undefined ? { rounds } : {}),
  log: (l) => console.log(l),
});
console.log(
  Object.entries(result.stats)
    .map(([k, v]) => `${k}=${v}`)
    .join(' '),
);
for (const problem of result.problems.slice(0, 20)) console.log(`problem: ${problem}`);
if (result.problems.length > 20) console.log(`… and ${result.problems.length - 20} more problems`);
const line = `clients=${result.clients} mutations=${result.mutations} lost=${result.lost} duplicated=${result.duplicated}`;
if (result.converged) {
  console.log(`converged: ${line}`);
  process.exit(0);
}
console.log(`replay: --clients ${clients} --seed ${seed} --rounds ${result.stats.rounds}`);
console.log(`NOT converged: ${line}`);
process.exit(1);
