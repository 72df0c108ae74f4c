/** `npm run bench:render -- bench/results/FILE.json ...`: rewrites those runs' tables in BENCHMARKS.md. */
import { readFileSync } from 'node:fs';
import { renderMarkdown, updateBenchmarks, type Report } from './report.ts';

for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  updateBenchmarks('BENCHMARKS.md', report.label, renderMarkdown(report));
  process.stdout.write(`rendered ${file}\n`);
}
