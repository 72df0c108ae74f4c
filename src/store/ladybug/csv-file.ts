import { closeSync, openSync, writeSync } from 'node:fs';
import type { PropertyType } from '../../model/graph-model.ts';

const FLUSH_AT = 1 << 16;

/**
 * One CSV file being written for COPY: a header, then rows. `parallel` turns false once a
 * quoted value holds a newline, which COPY's parallel reader would split
 * (docs/ladybug-traps.md#copy-csv-quoting).
 */
export class CsvFile {
  private fd: number;
  private buffer = '';
  rows = 0;
  parallel = true;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.buffer = `${header.join(',')}\n`;
  }

  add(line: string): void {
    this.buffer += line;
    this.rows++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A list item a CSV list literal carries exactly: COPY trims items and splits on , [ ] { } and quotes. */
const PLAIN_ITEM = /^[^\s,[\]{}"'\\](?:[^,[\]{}"'\\]*[^\s,[\]{}"'\\])?$/;

/** What csvCell returns for a value a CSV cell cannot carry exactly. */
export const UNFIT = Symbol('unfit');

/**
 * One CSV cell, quoted as COPY_OPTIONS says (copy-statements.ts). A value the CSV cannot carry
 * exactly (an empty string reads back as null; a list item COPY would split or trim) gives UNFIT:
 * the caller writes null or an empty list (csvEmpty) and sets the value after the COPY
 * (docs/ladybug-traps.md#copy-csv-quoting). A null `type` is a column the model does not
 * declare: left empty.
 */
export function csvCell(v: unknown, type: PropertyType | null, file: CsvFile): string | typeof UNFIT {
  if (v === null || v === undefined || type === null) return '';
  switch (type) {
    case 'string': {
      const s = String(v);
      if (s === '') return UNFIT;
      if (s.includes('\n') || s.includes('\r')) file.parallel = false;
      return s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`;
    }
    case 'string[]': {
      const items = v as string[];
      for (const x of items) if (!PLAIN_ITEM.test(x)) return UNFIT;
      const list = items.join(',');
      return list.includes('"') ? `"[${list.replace(/"/g, '""')}]"` : `"[${list}]"`;
    }
    case 'float':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'date':
      return String(v);
  }
}

/** The cell written in place of an UNFIT value: null, or an empty list. */
export const csvEmpty = (type: PropertyType | null) => (type === 'string[]' ? '"[]"' : '');
