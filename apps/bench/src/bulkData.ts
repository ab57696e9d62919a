/**
 * A benchmark database at scale: an empty file migrated, then filled by the product's bulk
 * generator (`seedBulk`: the same machine steps as the services, result accepted by verify-audit),
 * checkpointed and closed, so a section opens it with the product's own connection or copies it.
 */
import { type BulkSeedSummary, seedBulk } from '@kader/api';
import { migrateDatabase, openDatabase } from '@kader/db';

export async function bulkDatabase(
  file: string,
  applications: number,
  { measuredShare = 0.5, label = 'bulk' }: { measuredShare?: number; label?: string } = {},
): Promise<BulkSeedSummary> {
  const handle = openDatabase(file);
  try {
    migrateDatabase(handle);
    let shown = 0;
    const summary = await seedBulk(handle, {
      applications,
      measuredShare,
      onProgress: (done, total) => {
        // a line every tenth, so a long fill shows it moves (the benchmark's output is a log)
        if (done - shown < total / 10 && done < total) return;
        shown = done;
        if (done < total) console.log(`${label}: generating ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
      },
    });
    console.log(
      `${label}: ${applications.toLocaleString('en-US')} applications, ${summary.auditRows.toLocaleString('en-US')} audit rows in ${summary.seconds.toFixed(1)} s`,
    );
    return summary;
  } finally {
    handle.close();
  }
}
