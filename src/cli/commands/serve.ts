import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';

export function serveCommand(): Command {
  return new Command('serve').description('Serve the graph over HTTP (PORT, default 4000) on the configured store.').action(async () => {
    // Loaded here, not at the top: the server's modules (Apollo, federation, SSE, ...) cost every other command their start-up time.
    const { serve } = await import('../../server/serve.ts');
    await serve(loadConfig());
  });
}
