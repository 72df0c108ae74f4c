import { describe, expect, it } from 'vitest';
import { connectionCeiling } from '../server/server-limits.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded engine on ./data/graph.lbug and port 4000', () => {
    const c = loadConfig({});
    expect(c.store).toEqual({ engine: 'ladybug', path: './data/graph.lbug' });
    expect(c.port).toBe(4000);
  });

  it('uses Neo4j when NEO4J_URI is set', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j://db:7687', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'graph' });
    expect(c.store).toEqual({ engine: 'neo4j', uri: 'neo4j://db:7687', username: 'neo4j', password: 'pw', database: 'graph' });
  });

  it('names every bad variable, and hides passwords', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: '99999', NEO4J_URI: 'http://x', AIGRAPH_QUERY_TIMEOUT_MS: '-1', NEO4J_PASSWORD: 'secret!' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as ConfigError).message;
    expect(msg).toContain('PORT');
    expect(msg).toContain('"99999"');
    expect(msg).toContain('NEO4J_URI');
    expect(msg).toContain('AIGRAPH_QUERY_TIMEOUT_MS');
    expect(msg).not.toContain('secret!');
  });

  it('takes a LadybugDB page cache size in MB, at least 64', () => {
    expect(loadConfig({}).bufferPoolMb).toBeNull();
    expect(loadConfig({ AIGRAPH_BUFFER_POOL_MB: '512' }).bufferPoolMb).toBe(512);
    expect(() => loadConfig({ AIGRAPH_BUFFER_POOL_MB: '12' })).toThrow(/AIGRAPH_BUFFER_POOL_MB: expected at least 64 \(got "12"\)/);
  });

  it('requires NEO4J_PASSWORD with NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://localhost:7687' })).toThrow(/NEO4J_PASSWORD: required/);
  });

  it('reads the server limits, checking them against each other and the open-files limit', () => {
    const c = loadConfig({ AIGRAPH_HTTP_REQUEST_TIMEOUT_MS: '20000', AIGRAPH_HTTP_HEADERS_TIMEOUT_MS: '5000', AIGRAPH_STORE_READS_QUEUED: '50' });
    expect(c.limits).toMatchObject({ requestTimeoutMs: 20_000, headersTimeoutMs: 5000, readsQueued: 50, operationTimeoutMs: 30_000, idleTimeoutMs: 60_000 });
    expect(() => loadConfig({ AIGRAPH_HTTP_REQUEST_TIMEOUT_MS: '1000', AIGRAPH_HTTP_HEADERS_TIMEOUT_MS: '5000' })).toThrow(
      /AIGRAPH_HTTP_HEADERS_TIMEOUT_MS: must not exceed AIGRAPH_HTTP_REQUEST_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ AIGRAPH_HTTP_IDLE_TIMEOUT_MS: '1000' })).toThrow(/AIGRAPH_HTTP_IDLE_TIMEOUT_MS: must exceed AIGRAPH_OPERATION_TIMEOUT_MS/);
    expect(() => loadConfig({ AIGRAPH_STORE_READS_RUNNING: '0' })).toThrow(/AIGRAPH_STORE_READS_RUNNING: expected 1 or more/);
    expect(() => loadConfig({ AIGRAPH_MAX_CONNECTIONS: String(connectionCeiling() + 1) })).toThrow(/AIGRAPH_MAX_CONNECTIONS: must be at most/);
  });
});
