import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { serve } from '../../server/serve.ts';

export function serveCommand(): Command {
  return new Command('serve').description('Serve the graph over HTTP (PORT, default 4000) on the configured store.').action(async () => {
    await serve(loadConfig());
  });
}
