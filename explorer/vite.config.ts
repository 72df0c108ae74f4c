/**
 * Vite build of the explorer (served by the API server at `/`, see src/server/explorer.ts).
 * Everything is bundled from npm packages: the page needs nothing from outside the machine.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Cytoscape alone is ~570 kB minified; it gets its own chunk (below).
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // Cytoscape and its layout change less often than the app: their own cacheable chunk.
        manualChunks: (id) => (/node_modules[\\/](cytoscape|cytoscape-fcose|cose-base|layout-base)[\\/]/.test(id) ? 'graph-vendor' : undefined),
      },
    },
  },
  server: {
    // `npm run explorer:dev` talks to a server started with `npm start`.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/graphiql': 'http://127.0.0.1:4000' },
  },
});
