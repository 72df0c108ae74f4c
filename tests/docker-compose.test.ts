/**
 * docker-compose.yml is valid and runs the Neo4j image the tests pin. `docker compose` (v2) is
 * used where present (GitHub Actions); elsewhere Debian's docker-compose, which .ci/run installs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NEO4J_IMAGE } from './support/neo4j-image.ts';
import { ROOT } from './support/run-cli.ts';

function composeCommand(): string[] | null {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) return ['docker', 'compose'];
  if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) return ['docker-compose'];
  return null;
}

const compose = composeCommand();

describe('docker-compose.yml', () => {
  it('runs the Neo4j image the contract tests pin, and builds the API from the Dockerfile', () => {
    const file = parse(readFileSync(`${ROOT}/docker-compose.yml`, 'utf8')) as {
      services: Record<string, { image?: string; build?: unknown; healthcheck?: unknown; volumes?: string[] }>;
      volumes: Record<string, unknown>;
    };
    expect(file.services.neo4j?.image).toBe(NEO4J_IMAGE);
    expect(file.services.neo4j?.healthcheck).toBeDefined();
    expect(Object.keys(file.volumes)).toContain('neo4j-data');
    expect(file.services.api?.build).toBe('.');
  });

  it.skipIf(!compose)(`passes \`${compose?.join(' ') ?? 'docker compose'} config\``, () => {
    const env = { ...process.env };
    delete env.NEO4J_PASSWORD;
    const out = execFileSync(compose![0]!, [...compose!.slice(1), 'config'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(out).toContain('neo4j');
  });
});
