import { closeSync, openSync, writeSync } from 'node:fs';
import type { PropertyType } from '../../model/graph-model.ts';

const FLUSH_AT = 1 << 20;

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

/**
 * One CSV cell, quoted as COPY_OPTIONS says (copy-statements.ts). A value the CSV cannot carry
 * exactly (an empty string reads back as null; a list item COPY would split or trim) is written
 * as null or an empty list, and `onUnfit` is called so the caller sets it after the COPY
 * (docs/ladybug-traps.md#copy-csv-quoting). A null `type` is a column the model does not
 * declare: left empty.
 */
export function csvCell(v: unknown, type: PropertyType | null, onUnfit: () => void, file: CsvFile): string {
  if (v === null || v === undefined || type === null) return '';
  switch (type) {
    case 'string': {
      const s = String(v);
      if (s === '') {
        onUnfit();
        return '';
      }
      if (s.includes('\n') || s.includes('\r')) file.parallel = false;
      return `"${s.replace(/"/g, '""')}"`;
    }
    case 'string[]': {
      const items = v as string[];
      if (!items.every((x) => PLAIN_ITEM.test(x))) {
        onUnfit();
        return '"[]"';
      }
      return `"[${items.join(',').replace(/"/g, '""')}]"`;
    }
    case 'float':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'date':
      return String(v);
  }
}
