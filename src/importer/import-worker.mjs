// The entry of an import worker thread (parallel-import.ts): registers the TypeScript loader,
// as bin/aigraph.js does for the main thread, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
