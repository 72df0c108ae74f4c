/** Tells the user on stderr that opening the journal cut off a torn tail (a write that never finished). */
import type { Journal } from '../writes/journal.ts';

export function reportJournalRepair(journal: Journal): void {
  const r = journal.repaired;
  if (!r) return;
  process.stderr.write(
    `aigraph: the write journal ${journal.file} ended in a torn write (line ${r.line}: ${r.reason}); its ${r.bytes} bytes were cut off. ` +
      'A write that never finished was never acknowledged.\n',
  );
}
