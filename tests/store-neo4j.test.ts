/**
 * The same store contract on a real Neo4j, through testcontainers. Where no container runtime
 * exists (no Docker engine), the suite is skipped and says why in the test output.
 */
import { afterAll, describe, it } from 'vitest';
import { getContainerRuntimeClient } from 'testcontainers';
import { Neo4jContainer, type StartedNeo4jContainer } from '@testcontainers/neo4j';
import { NEO4J_SCHEMA } from '../src/store/neo4j/neo4j-schema.ts';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store.ts';
import { defineStoreContract } from './support/store-contract.ts';
import { NEO4J_IMAGE } from './support/neo4j-image.ts';

async function containerRuntimeMissing(): Promise<string | null> {
  try {
    await getContainerRuntimeClient();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const missing = await containerRuntimeMissing();

if (missing) {
  const reason = `no container runtime on this machine (testcontainers: "${missing}")`;
  console.warn(`Neo4j contract suite SKIPPED: ${reason}. It runs wherever Docker runs, e.g. in GitHub Actions.`);
  describe(`GraphStore contract on Neo4j (${NEO4J_IMAGE})`, () => {
    it.skip(`skipped: ${reason}`, () => undefined);
  });
} else {
  let container: StartedNeo4jContainer | undefined;
  afterAll(async () => {
    await container?.stop();
  });
  defineStoreContract(`Neo4j (${NEO4J_IMAGE})`, {
    async open() {
      container ??= await new Neo4jContainer(NEO4J_IMAGE).withPassword('contract-test-pw').start();
      return Neo4jStore.open({
        uri: container.getBoltUri(),
        username: container.getUsername(),
        password: container.getPassword(),
        schema: NEO4J_SCHEMA,
        queryTimeoutMs: 10_000,
      });
    },
  });
}
