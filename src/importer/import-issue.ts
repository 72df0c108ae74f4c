/** Problems found in input files: sorted, formatted, and thrown as one error. */
import type { RecordIssue } from '../records/record-issue.ts';

export { formatPath } from '../records/record-issue.ts';

/** A problem found in an input file, located by file, line, column and field path. */
export type ImportIssue = RecordIssue;

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
