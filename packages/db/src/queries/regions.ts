import type { DbOrTx } from '../types';
import { connectionOf, prepared } from './prepared';
import { getSetting, putSetting } from './users';

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export type Region = { code: string; level: RegionLevel; parentCode: string | null; name: string };

/** What was loaded into `regions`: the package and its version, when, and how many of each level. */
export type RegionDataset = {
  package: string;
  version: string;
  loadedAt: string;
  counts: Record<RegionLevel, number>;
};

const DATASET_SETTING = 'regions.dataset';

/** The search's key for a name or a query: lower case, single spaces (the dataset's names are Latin script). */
export function regionNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function getRegionDataset(db: DbOrTx): RegionDataset | undefined {
  const value = getSetting(db, DATASET_SETTING);
  return value ? (JSON.parse(value) as RegionDataset) : undefined;
}

/**
 * Replaces every region with `rows` and records `dataset`, in the caller's transaction (the caller
 * opens one, so a failed load leaves the previous dataset whole). One prepared insert for all rows:
 * ~92,000 of them take about a second.
 */
export function replaceRegions(db: DbOrTx, { rows, dataset }: { rows: Iterable<Region>; dataset: RegionDataset }): void {
  const sqlite = connectionOf(db);
  sqlite.prepare('DELETE FROM regions').run();
  const insert = sqlite.prepare('INSERT INTO regions (code, level, parent_code, name, name_key) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows) insert.run(r.code, r.level, r.parentCode, r.name, regionNameKey(r.name));
  putSetting(db, { key: DATASET_SETTING, value: JSON.stringify(dataset) });
}

const COLUMNS = 'code, level, parent_code AS parentCode, name';

const BY_CODE = `SELECT ${COLUMNS} FROM regions WHERE code = ?`;

export function getRegion(db: DbOrTx, code: string): Region | undefined {
  return prepared(db, BY_CODE).get(code) as Region | undefined;
}

/**
 * A code and the codes above it, province first: `35.77.01.1001` → `35`, `35.77`, `35.77.01`,
 * `35.77.01.1001` (each code is its parent's plus one dotted part). Each a primary-key lookup;
 * a code the dataset does not know gives undefined.
 */
export function regionChain(db: DbOrTx, code: string): Region[] | undefined {
  const parts = code.split('.');
  const chain: Region[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const region = getRegion(db, parts.slice(0, i).join('.'));
    if (!region) return undefined;
    chain.push(region);
  }
  return chain;
}

/**
 * Within a parent: its children whose name contains the query, those whose name starts with it
 * first, then those with a word starting with it, then the rest, each by name. One range of
 * `regions_parent_name` (a district has at most a few hundred villages), sorted in memory. The
 * unary `+` keeps SQLite from walking the whole level by `regions_level_name` instead (the parent
 * decides the level anyway; the check only refuses a parent of another level).
 */
const WITHIN_PARENT = `SELECT ${COLUMNS} FROM regions
  WHERE parent_code = :parent AND +level = :level AND instr(name_key, :q) > 0
  ORDER BY instr(name_key, :q) <> 1, instr(' ' || name_key, ' ' || :q) = 0, name_key
  LIMIT :limit`;

/** Without a parent, names starting with the query: one range of `regions_level_name`. */
const PREFIX = `SELECT ${COLUMNS} FROM regions
  WHERE level = :level AND name_key >= :q AND name_key < :q || char(1114111)
  ORDER BY name_key
  LIMIT :limit`;

/**
 * Without a parent, names containing the query elsewhere (a word first): this walks the level's
 * range of `regions_level_name` (83,762 villages at most, reading the index alone), so it runs only
 * when the prefixes did not fill the page.
 */
const INSIDE = `SELECT ${COLUMNS} FROM regions
  WHERE level = :level AND instr(name_key, :q) > 1
  ORDER BY instr(' ' || name_key, ' ' || :q) = 0, name_key
  LIMIT :limit`;

const BY_NAME = `SELECT ${COLUMNS} FROM regions WHERE level = ? AND name_key = ? LIMIT 2`;

/** The regions of a level with exactly this name, in any case (two at most: enough to know it is ambiguous). */
export function findRegionsByName(db: DbOrTx, { level, name }: { level: RegionLevel; name: string }): Region[] {
  return prepared(db, BY_NAME).all(level, regionNameKey(name)) as Region[];
}

export const regionSearchSql = { WITHIN_PARENT, PREFIX, INSIDE } as const;

/**
 * Regions of a level whose name contains `query` (any case), at most `limit`, names starting with
 * it first. With `parentCode`, only that parent's children. An empty query lists the first names.
 */
export function searchRegions(
  db: DbOrTx,
  { level, parentCode, query, limit }: { level: RegionLevel; parentCode?: string; query: string; limit: number },
): Region[] {
  const q = regionNameKey(query);
  if (parentCode !== undefined) {
    return prepared(db, WITHIN_PARENT).all({ parent: parentCode, level, q, limit }) as Region[];
  }
  const first = prepared(db, PREFIX).all({ level, q, limit }) as Region[];
  if (first.length >= limit || q === '') return first;
  const rest = prepared(db, INSIDE).all({ level, q, limit: limit - first.length }) as Region[];
  return [...first, ...rest];
}
