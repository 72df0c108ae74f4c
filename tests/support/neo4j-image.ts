/** The Neo4j image the tests run against: pinned here only (docker-compose.yml is checked against it). */
export const NEO4J_IMAGE = 'neo4j:5.26.7';
