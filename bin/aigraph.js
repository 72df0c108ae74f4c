#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npm install` is the whole build.
import { register } from 'tsx/esm/api';

// A server runs in production mode unless told otherwise: graphql-js's development build checks
// every instanceof across realms (1.5 of 16 s of CPU of one large answer, BENCHMARKS.md). Set
// here because graphql-js reads NODE_ENV once, when it is first imported.
if (process.argv[2] === 'serve' && !process.env.NODE_ENV) process.env.NODE_ENV = 'production';

register();
await import('../src/cli/main.ts');
