/** A problem found in an input file, located by file, line, column and field path. */
export interface ImportIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** e.g. `deals[41].amountUsd`, or '' for a problem with the file itself. */
  readonly path: string;
  readonly message: string;
}

/** File by file, top to bottom. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

export function formatIssue(i: ImportIssue): string {
  return `${i.file}:${i.line}:${i.column}${i.path ? ` ${i.path}` : ''}: ${i.message}`;
}

/** Thrown when the input has problems: nothing was written. Lists every problem found. */
export class ImportError extends Error {
  constructor(readonly issues: readonly ImportIssue[]) {
    const shown = issues.slice(0, 200).map(formatIssue);
    const more = issues.length > shown.length ? `\n... and ${issues.length - shown.length} more` : '';
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the input; nothing was written:\n${shown.join('\n')}${more}`);
    this.name = 'ImportError';
  }
}

/** `deals[41].parties[0].org` from a collection, an index and a path inside the record. */
export function formatPath(collection: string, index: number, path: readonly PropertyKey[]): string {
  let out = `${collection}[${index}]`;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}
