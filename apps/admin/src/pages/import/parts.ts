/**
 * How the import page sends a large file: the server checks and registers a range of the file's
 * rows per call, so no call holds it for long and the progress bar moves after each. Pure; tested
 * in test/candidateImport.test.ts.
 */

/** Rows per call: about half a second of the server's work for a part, measured with 2,000 rows. */
export const PART_ROWS = 200;

export type RowRange = { from: number; to: number };

/** The part of the file's rows that begins at spreadsheet row `from` (the header is row 1). */
export const checkPart = (from: number): RowRange => ({ from, to: from + PART_ROWS - 1 });

/** The rows that passed the check, in parts of at most `PART_ROWS`, each as the range of its first and last row. */
export function registerParts(ready: readonly number[]): RowRange[] {
  const parts: RowRange[] = [];
  for (let i = 0; i < ready.length; i += PART_ROWS) {
    const part = ready.slice(i, i + PART_ROWS);
    parts.push({ from: part[0]!, to: part[part.length - 1]! });
  }
  return parts;
}

/** A progress bar's value as a whole percentage of `total` (0 while there is nothing to count). */
export const percent = (done: number, total: number): number =>
  total <= 0 ? 0 : Math.min(100, Math.floor((100 * done) / total));
