import { Command, Option } from 'commander';
import { ApiKeyStore, ROLES, type Role } from '../../auth/api-keys.ts';
import { loadConfig } from '../../config/config.ts';
import { UsageError } from '../usage-error.ts';

const store = () => new ApiKeyStore(loadConfig().keysFile);

export function keysCommand(): Command {
  const keys = new Command('keys').description('Manage API keys (stored hashed beside the database; works while the server runs).');
  keys
    .command('create')
    .description('Create a key and print it once: it cannot be shown again.')
    .addOption(new Option('--role <role>', 'what the key may do').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'a name to recognise it by', '')
    .option('--expires <date>', 'expiry, as an ISO date or date-time (default: never)')
    .action((opts: { role: Role; name: string; expires?: string }) => {
      let expiresAt: string | null = null;
      if (opts.expires) {
        const d = new Date(opts.expires);
        if (Number.isNaN(d.getTime())) throw new UsageError(`--expires: "${opts.expires}" is not a date`);
        expiresAt = d.toISOString();
      }
      const { key, record } = store().create(opts.role, opts.name, expiresAt);
      process.stdout.write(`${key}\n`);
      process.stderr.write(`Created ${record.role} key ${record.id}${record.name ? ` (${record.name})` : ''}. Store it now: only its hash is kept.\n`);
    });
  keys
    .command('list')
    .description('List keys (never the keys themselves).')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) => {
      const list = store()
        .list()
        .map(({ hash: _hash, ...k }) => k);
      if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else
        for (const k of list)
          process.stdout.write(
            `${k.id}  ${k.role.padEnd(6)}  ${(k.name || '-').padEnd(20)}  created ${k.createdAt}${k.expiresAt ? `  expires ${k.expiresAt}` : ''}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ''}\n`,
          );
    });
  keys
    .command('revoke')
    .description('Revoke a key by its id or name; requests with it are refused at once.')
    .argument('<idOrName>')
    .action((idOrName: string) => {
      const k = store().revoke(idOrName);
      process.stdout.write(`Revoked ${k.id}${k.name ? ` (${k.name})` : ''}.\n`);
    });
  return keys;
}
