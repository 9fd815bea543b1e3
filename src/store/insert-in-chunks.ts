/**
 * PostgreSQL accepts at most 65,535 parameters per statement; a multi-row insert of a large document's projects
 * or budget cells would pass that. Rows per statement here keep every table well under it.
 */
export const rowsPerInsert = 500;

/** Runs `insert` on consecutive slices of `rows` and concatenates what each returns, in order. */
export async function insertInChunks<Row, Result>(
  rows: readonly Row[],
  insert: (chunk: Row[]) => Promise<Result[]>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    results.push(...(await insert(rows.slice(start, start + rowsPerInsert))));
  }
  return results;
}
