/**
 * The record layer is derived from the declarations in src/model/records.ts: these tests hold
 * the derivations to each other without a store. Every seeded record survives record -> graph
 * rows -> record unchanged (canonical form), every property of a record's node is carried by
 * every derivation (so a property added to graph-model.ts needs nothing else here), and the
 * API's input names map both ways.
 */
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, recordPropertyKeys } from '../src/model/graph-model.ts';
import { COLLECTION_NAMES, RECORDS, type CollectionDecl } from '../src/model/records.ts';
import { inputPath, recordFromInput } from '../src/records/api-input.ts';
import { canonicalRecord } from '../src/records/canonical.ts';
import { snapshotToRecords, type GraphSnapshot } from '../src/records/graph-to-records.ts';
import { COLLECTIONS, emptyRecords, type RecordsByCollection } from '../src/records/record-schemas.ts';
import { GraphRows, RECORD_TO_GRAPH } from '../src/records/records-to-graph.ts';
import { validateRecords } from '../src/records/validate-records.ts';
import { readInputs } from '../src/importer/import-graph.ts';
import { sampleValue } from './support/model-samples.ts';

type Obj = Record<string, unknown>;

/** The rows records become, read back as a snapshot (what the store would return). */
function throughGraph(records: RecordsByCollection): RecordsByCollection {
  const rows = new GraphRows();
  for (const c of COLLECTION_NAMES) for (const r of records[c]) RECORD_TO_GRAPH[c](rows, r as never);
  const snap: GraphSnapshot = { nodes: {}, rels: new Map() };
  for (const [label, list] of rows.nodes) snap.nodes[label] = list;
  for (const [key, { rows: list }] of rows.rels) snap.rels.set(key, list);
  return snapshotToRecords(snap);
}

const canonicalAll = (records: RecordsByCollection) =>
  Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, (records[c] as Obj[]).map((r) => canonicalRecord(c, r)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))]),
  );

describe('the record declarations', () => {
  it('carry every seeded record through graph rows and back unchanged', async () => {
    const { raw, issues } = await readInputs(['seeds']);
    expect(issues).toEqual([]);
    const validation = await validateRecords(raw);
    expect(validation.issues).toEqual([]);
    expect(validation.records.deals.length).toBeGreaterThan(50);
    expect(canonicalAll(throughGraph(validation.records))).toEqual(canonicalAll(validation.records));
  });

  it('carry every property of every record node through schema, rows, record and canonical form', async () => {
    for (const c of COLLECTION_NAMES) {
      const decl: CollectionDecl = RECORDS[c];
      if (decl.shape !== 'node') continue;
      const moved = new Map(decl.parts.flatMap((p) => (p.part === 'prop' ? [[p.prop, p.path] as const] : [])));
      const record: Obj = {};
      for (const [key, def] of Object.entries(NODE_TYPES[decl.label].properties)) {
        if (def.derived) continue; // computed by the write path, never part of a record
        if (def.references) continue; // a reference must name a node that exists: validation's business, not this test's
        const v = key === 'id' ? `sample-${c.toLowerCase()}` : sampleValue(key, def, 'x');
        const path = moved.get(key);
        if (path) ((record[path[0]] ??= {}) as Obj)[path[1]!] = v;
        else record[key] = v;
      }
      // The node's properties alone: the parts a record requires are not what this test is about.
      const props = recordPropertyKeys(decl.label);
      const parsed = COLLECTIONS[c].safeParse(record);
      const unknownKeys = parsed.success ? [] : parsed.error.issues.filter((i) => i.code === 'unrecognized_keys');
      expect(unknownKeys, c).toEqual([]);
      const rows = new GraphRows();
      RECORD_TO_GRAPH[c](rows, record as never);
      const row = rows.nodes.get(decl.label)![0]!;
      for (const key of props) if (record[key] !== undefined || moved.has(key)) expect(row[key], `${c}.${key}`).not.toBeNull();
      const back = throughGraph({ ...emptyRecords(), [c]: [record] } as RecordsByCollection)[c][0] as Obj;
      expect(back, c).toEqual(canonicalRecord(c, record));
    }
  });

  it('name a record field as the API input spells it, and back', () => {
    expect(inputPath('deals', ['parties', 1, 'org'])).toBe('input.parties[1].organization');
    expect(inputPath('deals', ['covers', 'chips', 0])).toBe('input.chips[0]');
    expect(inputPath('deals', ['covers', 'note'])).toBe('input.coverageNote');
    expect(inputPath('deals', ['statusHistory', 2, 'sources', 0])).toBe('input.statusHistory[2].sources[0]');
    expect(inputPath('exclusivities', ['holder'])).toBe('input.holder');
    const record = recordFromInput('deals', {
      id: 'd',
      parties: [{ organization: 'a', role: 'customer', amountUsd: undefined }],
      chips: ['c'],
      coverageNote: 'n',
      cloudServices: undefined,
      statusHistory: [{ status: 'signed', on: '2025-01-01', sources: ['s'], note: undefined }],
    });
    expect(record).toEqual({
      id: 'd',
      parties: [{ org: 'a', role: 'customer' }],
      covers: { chips: ['c'], note: 'n' },
      statusHistory: [{ status: 'signed', on: '2025-01-01', sources: ['s'] }],
    });
  });
});
