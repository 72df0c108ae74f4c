import { Command } from 'commander';
import { UsageError } from '../usage-error.ts';
import { catalogEntries } from '../../queries/catalog.ts';

export function queriesCommand(): Command {
  return new Command('queries')
    .description('Print the query catalog: every Cypher statement the server can send.')
    .option('--json', 'print a JSON array of { name, engine, cypher }')
    .option('--engine <engine>', 'only the statements one engine runs: ladybug or neo4j')
    .action((opts: { json?: boolean; engine?: string }) => {
      let entries = catalogEntries();
      if (opts.engine) {
        if (opts.engine !== 'ladybug' && opts.engine !== 'neo4j') throw new UsageError(`--engine must be ladybug or neo4j, not "${opts.engine}"`);
        const wanted: readonly string[] = ['both', opts.engine];
        entries = entries.filter((e) => wanted.includes(e.engine));
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      for (const e of entries) process.stdout.write(`-- ${e.name} [${e.engine}]\n${e.cypher};\n\n`);
    });
}
