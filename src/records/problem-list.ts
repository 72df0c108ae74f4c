/**
 * The problems of one import, at most MAX_PROBLEMS of them: a file of millions of broken records
 * must not turn into millions of messages held in memory. Readers stop once it is full, so
 * what lies beyond the first problems is not checked at all.
 */
import { MAX_PROBLEMS } from '../model/limits.ts';
import type { RecordIssue as ImportIssue } from './record-issue.ts';

export class ProblemList {
  readonly issues: ImportIssue[] = [];
  /** Problems found beyond the limit and not kept. */
  dropped = 0;

  constructor(readonly limit = MAX_PROBLEMS) {}

  add(issue: ImportIssue): void {
    if (this.issues.length < this.limit) this.issues.push(issue);
    else this.dropped++;
  }

  addAll(issues: Iterable<ImportIssue>): void {
    for (const i of issues) this.add(i);
  }

  get full(): boolean {
    return this.issues.length >= this.limit;
  }
}
