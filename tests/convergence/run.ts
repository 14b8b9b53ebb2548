/**
 * `npm run -s test:convergence -- --clients <n> --seconds <s> --seed <n> [--engine sqlite|postgresql]`
 * Without `--engine` it runs on SQLite and then on PostgreSQL (skipped, saying why, when
 * PostgreSQL is unreachable). Exits 0 only when every run converged; the last line reads
 * `converged: clients=<n> mutations=<m> lost=0 duplicated=0 refused-wrongly=0` (summed over
 * the engines). See README.md in this folder.
 */
import { parseArgs } from 'node:util';
import {
  type ConvergenceEngine,
  type ConvergenceResult,
  postgresReachable,
  runConvergence,
} from './convergence';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    engine: { type: 'string' },
    /** Only the connection faults and partitions off (the kill stays), or everything off. */
    'no-faults': { type: 'boolean', default: false },
    'no-kill': { type: 'boolean', default: false },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const seed = Number(values.seed);
const engineNames = ['sqlite', 'postgresql'] as const;
if (
  ![clients, seconds, seed].every(Number.isFinite) ||
  clients < 1 ||
  seconds <= 0 ||
  (values.engine !== undefined && !engineNames.includes(values.engine as ConvergenceEngine))
) {
  console.error(
    'usage: test:convergence -- --clients <n ≥ 1> --seconds <s > 0> --seed <n> [--engine sqlite|postgresql] [--no-faults] [--no-kill]',
  );
  process.exit(2);
}

let engines: ConvergenceEngine[] = values.engine
  ? [values.engine as ConvergenceEngine]
  : [...engineNames];
if (engines.includes('postgresql')) {
  const unreachable = await postgresReachable();
  if (unreachable) {
    if (values.engine) {
      console.error(`${unreachable}; start it with scripts/ensure-postgres.sh`);
      process.exit(1);
    }
    console.log(`${unreachable}: the PostgreSQL run is skipped`);
    engines = engines.filter((e) => e !== 'postgresql');
  }
}

// Ctrl-C: exit, so that the server processes are killed with this one (server-processes.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const results: ConvergenceResult[] = [];
for (const engine of engines) {
  console.log(
    `convergence: engine=${engine} clients=${clients} seconds=${seconds} seed=${seed}` +
      ' (the seed fixes the actions, ids and fault schedule; real process timing varies)',
  );
  const result = await runConvergence({
    clients,
    seconds,
    seed,
    engine,
    faults: !values['no-faults'],
    kill: !values['no-kill'],
    log: (l) => console.log(`  ${l}`),
  });
  results.push(result);
  console.log(
    `  ${Object.entries(result.stats)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  for (const problem of result.problems.slice(0, 20)) console.log(`  problem: ${problem}`);
  if (result.problems.length > 20) {
    console.log(`  … and ${result.problems.length - 20} more problems`);
  }
  console.log(
    `  ${engine}: ${result.converged ? 'converged' : 'NOT converged'}: mutations=${result.mutations} lost=${result.lost} duplicated=${result.duplicated} refused-wrongly=${result.refusedWrongly}`,
  );
  if (!result.converged) {
    console.log(
      `  replay: --engine ${engine} --clients ${clients} --seconds ${seconds} --seed ${seed}`,
    );
  }
}

const sum = (key: 'mutations' | 'lost' | 'duplicated' | 'refusedWrongly') =>
  results.reduce((n, r) => n + r[key], 0);
const line = `clients=${clients} mutations=${sum('mutations')} lost=${sum('lost')} duplicated=${sum('duplicated')} refused-wrongly=${sum('refusedWrongly')}`;
if (results.length > 0 && results.every((r) => r.converged)) {
  console.log(`converged: ${line}`);
  process.exit(0);
}
console.log(`NOT converged: ${line}`);
process.exit(1);
