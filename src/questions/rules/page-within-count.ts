/**
 * A page read with `SKIP offset`, sent only when the offset is within the rows: LadybugDB 0.19.1
 * ends the process (SIGSEGV) on `ORDER BY ... SKIP n` when n is well past the rows the statement
 * finds (measured: 200 rows with SKIP 8000; 20,000 rows with SKIP 30,000), and any client can
 * send such an offset in a cursor. The first page (offset 0) reads page and count together; a
 * later page counts first.
 */
export async function pageWithinCount<T>(offset: number, count: () => Promise<number>, page: () => Promise<T[]>): Promise<{ rows: T[]; total: number }> {
  if (offset === 0) {
    const [rows, total] = await Promise.all([page(), count()]);
    return { rows, total };
  }
  const total = await count();
  return { rows: offset < total ? await page() : [], total };
}
