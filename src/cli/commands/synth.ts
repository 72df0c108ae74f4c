import { Command, InvalidArgumentError } from 'commander';
import { synthesize } from '../../synth/synthesize.ts';

const count = (name: string) => (v: string) => {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number`);
  return n;
};

export function synthCommand(): Command {
  return new Command('synth')
    .description(
      'Write a deterministic synthetic graph in the import format (JSON files) for benchmarks: ' +
        'power-law degrees with a few hub organizations, dates over 2012-2026, every deal sourced. ' +
        'Load it with `aigraph import DIR`.',
    )
    .requiredOption('--out <dir>', 'folder to write the JSON files into')
    .option('--orgs <n>', 'organizations', count('--orgs'), 1000)
    .option('--deals <n>', 'deals', count('--deals'), 10_000)
    .option('--seed <n>', 'seed of the random generator (same seed, same files)', count('--seed'), 1)
    .option('--deals-per-file <n>', 'deals per JSON file', count('--deals-per-file'), 50_000)
    .option('--force', 'write into a folder that already holds import files')
    .action(async (opts: { out: string; orgs: number; deals: number; seed: number; dealsPerFile: number; force?: boolean }) => {
      const s = await synthesize({
        out: opts.out,
        orgs: opts.orgs,
        deals: opts.deals,
        seed: opts.seed,
        dealsPerFile: Math.max(1, opts.dealsPerFile),
        force: opts.force,
      });
      const mb = s.files.reduce((n, f) => n + f.bytes, 0) / 1e6;
      process.stdout.write(
        `${Object.entries(s.counts)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}\n` +
          `${s.files.length} files, ${mb.toFixed(1)} MB in ${opts.out} (${(s.ms / 1000).toFixed(1)} s)\n` +
          `hubs: ${s.hubs
            .slice(0, 5)
            .map((h) => `${h.id} (${h.deals} deals)`)
            .join(', ')}\n`,
      );
    });
}
