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

/**
 * Thrown when the input has problems: nothing was written. Lists the problems kept (at most
 * MAX_PROBLEMS, src/model/limits.ts); `more` counts those found beyond them, and `stopped` says
 * reading stopped there, so the rest of the input was not checked.
 */
export class ImportError extends Error {
  constructor(
    readonly issues: readonly ImportIssue[],
    readonly more = 0,
    readonly stopped = false,
  ) {
    const total = issues.length + more;
    const head = stopped ? `at least ${total} problems` : `${total} problem${total === 1 ? '' : 's'}`;
    const tail = stopped
      ? `\n... reading stopped after the first ${issues.length} problems; the rest of the input was not checked`
      : more
        ? `\n... and ${more} more`
        : '';
    super(`${head} in the input; nothing was written:\n${issues.map(formatIssue).join('\n')}${tail}`);
    this.name = 'ImportError';
  }
}
