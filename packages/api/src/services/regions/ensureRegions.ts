import { type DbHandle, getRegionDataset, REGION_LEVELS, type RegionDataset, replaceRegions } from '@kader/db';
import { REGION_PACKAGE, readRegionRows, regionPackageVersion } from './dataset';

export type EnsureRegionsResult = { loaded: boolean; dataset: RegionDataset; ms: number };

/**
 * Loads Kemendagri's regions into the database when they are missing or were loaded from another
 * version of the package, all four levels in one transaction (a failure leaves the previous data
 * whole); otherwise does nothing. Run by the server's start, demo and seed-demo paths, not by
 * every test database (the load takes about a second and adds ~10 MB).
 */
export function ensureRegions(handle: DbHandle, now = new Date()): EnsureRegionsResult {
  const started = performance.now();
  const version = regionPackageVersion();
  const current = getRegionDataset(handle.db);
  if (current?.package === REGION_PACKAGE && current.version === version) {
    return { loaded: false, dataset: current, ms: performance.now() - started };
  }
  const rows = readRegionRows();
  const counts = Object.fromEntries(REGION_LEVELS.map((l) => [l, 0])) as RegionDataset['counts'];
  for (const r of rows) counts[r.level]++;
  const dataset: RegionDataset = { package: REGION_PACKAGE, version, loadedAt: now.toISOString(), counts };
  handle.db.transaction((tx) => replaceRegions(tx, { rows, dataset }), { behavior: 'immediate' });
  return { loaded: true, dataset, ms: performance.now() - started };
}
