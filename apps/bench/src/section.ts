/**
 * One part of the benchmark's table (engine, growth, HTTP, verify-audit, browser): each measures
 * its limit and Kader's figure side by side in its own run and returns table rows and notes.
 * `main.ts` runs the sections in order and writes them into one bench/RESULTS.md.
 */
export type SectionRun = {
  /** run sizes cut down to seconds (CI's `--smoke`: so the benchmark cannot rot) */
  smoke: boolean;
  /** a private temporary directory for this section's files, removed afterwards */
  dir: string;
};

export type SectionResult = {
  /** rows of the `| figure | limit, same run | Kader | ratio |` table */
  rows: string[];
  /** bullet lines under the table: data, sizes, method (without the leading "- ") */
  notes: string[];
};

export type Section = {
  name: string;
  run: (run: SectionRun) => Promise<SectionResult> | SectionResult;
};
