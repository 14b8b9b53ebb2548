/** `npm run bench`: runs every benchmark in bench/ and prints a table of figures. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  console.error(`running ${file}...`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
    run: () => Promise<BenchResult[]>;
  };
  results.push(...(await mod.run()));
}
console.log('\n| benchmark | value | target | note |\n|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.value.toFixed(2)} ${r.unit} | ${r.target ?? ''} | ${r.note ?? ''} |`,
  );
}
