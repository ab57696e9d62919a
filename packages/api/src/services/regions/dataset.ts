import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REGION_LEVELS, type Region, type RegionLevel } from '@kader/db';
import type { DistrictCsv, Province, RegencyCsv, VillageCsv } from 'idn-area-data';
import Papa from 'papaparse';

/**
 * Kemendagri's region codes as the `idn-area-data` package ships them (code MIT, data ODbL: see the
 * README). Its own `getProvinces()`… work on Node 20, but they find their CSV files through the
 * package's own `import.meta.url`, which the server's bundle (apps/server/build.ts) points at
 * dist/cli.js; so the files are read here, from the package directory resolved from this module
 * (whose `import.meta.url` the bundle keeps at its source), with the papaparse the package uses.
 */
export const REGION_PACKAGE = 'idn-area-data';

/** The package's CSV rows (its own types): the column that names each row's parent, by level. */
type Rows = { province: Province; regency: RegencyCsv; district: DistrictCsv; village: VillageCsv };
const FILES: { [L in RegionLevel]: { file: string; parentOf: (row: Rows[L]) => string | null } } = {
  province: { file: 'provinces.csv', parentOf: () => null },
  regency: { file: 'regencies.csv', parentOf: (r) => r.province_code },
  district: { file: 'districts.csv', parentOf: (r) => r.regency_code },
  village: { file: 'villages.csv', parentOf: (r) => r.district_code },
};

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve(`${REGION_PACKAGE}/package.json`));
}

/** The version of the package installed (the one the lockfile pins). */
export function regionPackageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function readLevel<L extends RegionLevel>(dir: string, level: L, into: Region[]): void {
  const { file, parentOf } = FILES[level];
  const parsed = Papa.parse<Rows[L]>(readFileSync(join(dir, 'data', file), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${REGION_PACKAGE} ${file}: ${parsed.errors[0]?.message}`);
  for (const row of parsed.data) {
    const parentCode = parentOf(row);
    if (!row.code || !row.name || parentCode === '' || parentCode === undefined) {
      throw new Error(`${REGION_PACKAGE} ${file}: a row without code, name or parent (${JSON.stringify(row)})`);
    }
    into.push({ code: row.code, level, parentCode, name: row.name });
  }
}

/** Every region of the four levels, provinces first; a malformed file throws (nothing is loaded). */
export function readRegionRows(): Region[] {
  const dir = packageDir();
  const rows: Region[] = [];
  for (const level of REGION_LEVELS) readLevel(dir, level, rows);
  return rows;
}
