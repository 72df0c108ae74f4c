/** The status a fact had on a day, replayed from its dated status history. */
export interface StatusEntry {
  status: string;
  on: string;
}

export function statusAsOf(current: string, history: readonly StatusEntry[], asOf: string): string {
  if (!history.length) return current;
  const sorted = [...history].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let status: string | null = null;
  for (const entry of sorted) {
    if (entry.on <= asOf) status = entry.status;
    else break;
  }
  // Before its first dated entry, a fact counts as it was first recorded.
  return status ?? sorted[0]!.status;
}
