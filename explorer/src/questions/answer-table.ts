/**
 * An answer as a table: columns declared once, each giving the raw value (what sorting compares
 * and what CSV writes) and, optionally, how a cell shows it. The table view and the CSV export
 * both read these declarations, so what is shown and what is exported cannot drift apart.
 */
import type { AnswerUi } from './answer';

export type CellValue = string | number | null;

export interface Column<R> {
  readonly key: string;
  /** The header; CSV adds `unit` in brackets. */
  readonly label: string;
  readonly unit?: string;
  /** What the header's tooltip explains. */
  readonly title?: string;
  /** Numbers are right-aligned and sort numerically (unknown values last). */
  readonly numeric?: boolean;
  value(row: R): CellValue;
  /** What sorting compares, when not the value (e.g. a rank for LOW, MEDIUM, HIGH). */
  sortValue?(row: R): CellValue;
  /** How the cell shows the value (default: the value as text, "—" when unknown). */
  cell?(row: R, ui: AnswerUi): Node | string;
}

export interface AnswerTable<R = unknown> {
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  /** The graph node a row stands for (the row's link). */
  rowId(row: R): string;
  /** The order rows come in: the API's (null) or a column's. */
  readonly sort?: { key: string; descending: boolean } | null;
}

/** Erases a table's row type, so answers of different shapes share one interface. */
export const defineTable = <R>(table: AnswerTable<R>): AnswerTable => table as unknown as AnswerTable;

/** Rows ordered by a column: numbers numerically, text by locale; unknown values always last. */
export function sortRows<R>(table: AnswerTable<R>, key: string, descending: boolean): R[] {
  const column = table.columns.find((c) => c.key === key);
  const rows = [...table.rows];
  if (!column) return rows;
  return rows.sort((a, b) => {
    const of = (r: R) => (column.sortValue ?? column.value)(r);
    const [x, y] = [of(a), of(b)];
    if (x === null || x === '') return y === null || y === '' ? 0 : 1;
    if (y === null || y === '') return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  });
}
