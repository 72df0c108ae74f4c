/** The explorer's answer tables without a browser: sorting and the CSV they export. */
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { defineTable, sortRows, type AnswerTable } from '../questions/answer-table';

interface Row {
  name: string;
  usd: number | null;
  grade: string | null;
}
const RANK: Record<string, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };
const table: AnswerTable<Row> = {
  rows: [
    { name: 'Oracle', usd: 300e9, grade: 'MEDIUM' },
    { name: 'CoreWeave', usd: null, grade: 'HIGH' },
    { name: '=HYPERLINK("http://x")', usd: 1.5e9, grade: null },
    { name: 'Amazon, Inc. "AWS"\nCloud', usd: 38e9, grade: 'LOW' },
  ],
  rowId: (r) => r.name,
  columns: [
    { key: 'name', label: 'Supplier', value: (r) => r.name },
    { key: 'usd', label: 'Committed', unit: 'USD', numeric: true, value: (r) => r.usd },
    { key: 'grade', label: 'Confidence', value: (r) => r.grade, sortValue: (r) => (r.grade ? RANK[r.grade]! : null) },
  ],
};

describe('answer tables', () => {
  it('sorts numbers numerically with unknown values last, in both directions', () => {
    expect(sortRows(table, 'usd', true).map((r) => r.usd)).toEqual([300e9, 38e9, 1.5e9, null]);
    expect(sortRows(table, 'usd', false).map((r) => r.usd)).toEqual([1.5e9, 38e9, 300e9, null]);
  });

  it('sorts by a column’s sort value when it has one (LOW < MEDIUM < HIGH, not alphabetical)', () => {
    expect(sortRows(table, 'grade', true).map((r) => r.grade)).toEqual(['HIGH', 'MEDIUM', 'LOW', null]);
  });

  it('writes RFC 4180 CSV: units in headers, plain numbers, quoted fields, formulas defused', () => {
    const csv = toCsv(defineTable(table) as AnswerTable<Row>, sortRows(table, 'usd', true));
    expect(csv.split('\r\n')).toEqual([
      'Supplier,Committed (USD),Confidence',
      'Oracle,300000000000,MEDIUM',
      '"Amazon, Inc. ""AWS""\nCloud",38000000000,LOW',
      `"'=HYPERLINK(""http://x"")",1500000000,`,
      'CoreWeave,,HIGH',
      '',
    ]);
  });
});
