/**
 * `npm run -s test:paging -- --cases <n> --seed <s>`: the paging chaos run (chaos.ts) on
 * PostgreSQL with two server processes, one SIGKILLed and restarted mid-run. Exits 0 only
 * when nothing was lost or duplicated; the last line reads
 * `paging: cases=<n> paged=<p> acknowledged=<a> escalated=<e> lost=0 duplicated=0`.
 */
import { parseArgs } from 'node:util';
import { postgresUnreachable, runPagingChaos, summaryLine } from './chaos';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    speed: { type: 'string', default: '30' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
const speed = Number(values.speed);
if (![cases, seed, speed].every(Number.isFinite) || cases < 1 || speed <= 0) {
  console.error(
    'usage: test:paging -- --cases <n ≥ 1> --seed <n> [--speed <simulated minutes per minute>]',
  );
  process.exit(2);
}
const unreachable = await postgresUnreachable();
if (unreachable) {
  console.error(`${unreachable}; start it with scripts/ensure-postgres.sh`);
  process.exit(1);
}
console.log(`paging chaos: ${cases} cases, seed ${seed}, clock ×${speed}`);
const result = await runPagingChaos({ cases, seed, speed, log: (line) => console.log(line) });
for (const problem of result.problems.slice(0, 30)) console.log(`  ${problem}`);
console.log(summaryLine(result));
process.exit(result.lost === 0 && result.duplicated === 0 && result.problems.length === 0 ? 0 : 1);
