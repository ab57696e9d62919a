import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DbHandle,
  getRegionDataset,
  type Region,
  type RegionDataset,
  regionChain,
  regionSearchSql,
  replaceRegions,
  searchRegions,
} from '../src';
import { tempDatabase } from './tempDatabase';

/** A few real rows of Kemendagri's data (the api's tests load the whole package). */
const ROWS: Region[] = [
  { code: '35', level: 'province', parentCode: null, name: 'Jawa Timur' },
  { code: '35.19', level: 'regency', parentCode: '35', name: 'Kabupaten Madiun' },
  { code: '35.77', level: 'regency', parentCode: '35', name: 'Kota Madiun' },
  { code: '35.77.01', level: 'district', parentCode: '35.77', name: 'Kartoharjo' },
  { code: '35.77.02', level: 'district', parentCode: '35.77', name: 'Manguharjo' },
  { code: '35.77.01.1001', level: 'village', parentCode: '35.77.01', name: 'Oro-oro Ombo' },
  { code: '35.77.01.1008', level: 'village', parentCode: '35.77.01', name: 'Kartoharjo' },
  { code: '35.77.01.1009', level: 'village', parentCode: '35.77.01', name: 'Kelun' },
  { code: '35.77.02.1001', level: 'village', parentCode: '35.77.02', name: 'Nambangan Kidul' },
];
const DATASET: RegionDataset = {
  package: 'idn-area-data',
  version: '4.0.1',
  loadedAt: '2026-11-29T00:00:00.000Z',
  counts: { province: 1, regency: 2, district: 2, village: 4 },
};

let handle: DbHandle;
let cleanup = () => {};
beforeAll(() => {
  ({ handle, cleanup } = tempDatabase('kader-regions-'));
  handle.db.transaction((tx) => replaceRegions(tx, { rows: ROWS, dataset: DATASET }));
});
afterAll(() => cleanup());

describe('regions', () => {
  it('records the dataset it loaded, and a reload replaces every row', () => {
    expect(getRegionDataset(handle.db)).toEqual(DATASET);
    const next = { ...DATASET, version: '4.0.2', counts: { province: 1, regency: 0, district: 0, village: 0 } };
    handle.db.transaction((tx) => replaceRegions(tx, { rows: ROWS.slice(0, 1), dataset: next }));
    expect(handle.sqlite.prepare('select count(*) as n from regions').get()).toEqual({ n: 1 });
    expect(getRegionDataset(handle.db)?.version).toBe('4.0.2');
    handle.db.transaction((tx) => replaceRegions(tx, { rows: ROWS, dataset: DATASET }));
    expect(handle.sqlite.prepare('select count(*) as n from regions').get()).toEqual({ n: ROWS.length });
  });

  it('a failed load leaves the previous data whole', () => {
    const broken = [...ROWS, ROWS[0] as Region]; // a code twice: the primary key refuses it
    expect(() =>
      handle.db.transaction((tx) => replaceRegions(tx, { rows: broken, dataset: { ...DATASET, version: 'x' } })),
    ).toThrow(/UNIQUE/);
    expect(getRegionDataset(handle.db)?.version).toBe('4.0.1');
    expect(handle.sqlite.prepare('select count(*) as n from regions').get()).toEqual({ n: ROWS.length });
  });

  it('searches by part of a name, prefixes first, within a parent when given', () => {
    const names = (rs: Region[]) => rs.map((r) => r.name);
    expect(names(searchRegions(handle.db, { level: 'regency', query: ' madiun ', limit: 5 }))).toEqual([
      'Kabupaten Madiun',
      'Kota Madiun',
    ]);
    expect(names(searchRegions(handle.db, { level: 'regency', query: 'KOTA', limit: 5 }))).toEqual(['Kota Madiun']);
    expect(names(searchRegions(handle.db, { level: 'village', parentCode: '35.77.01', query: 'o', limit: 5 }))).toEqual([
      'Oro-oro Ombo',
      'Kartoharjo',
    ]);
    expect(names(searchRegions(handle.db, { level: 'village', query: 'k', limit: 5 }))).toEqual([
      'Kartoharjo',
      'Kelun',
      'Nambangan Kidul',
    ]);
    expect(searchRegions(handle.db, { level: 'village', query: 'a', limit: 2 })).toHaveLength(2);
  });

  it('gives the chain of a code, and nothing for an unknown one', () => {
    expect(regionChain(handle.db, '35.77.01.1008')?.map((r) => r.code)).toEqual(['35', '35.77', '35.77.01', '35.77.01.1008']);
    expect(regionChain(handle.db, '35.77.03')).toBeUndefined();
  });
});

describe('the search reads an index range, never the whole table', () => {
  const plan = (sql: string, params: Record<string, unknown>) =>
    (handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

  it('within a parent: one range of regions_parent_name', () => {
    const steps = plan(regionSearchSql.WITHIN_PARENT, { parent: '35.77.01', level: 'village', q: 'o', limit: 20 });
    expect(
      steps.some((s) => /SEARCH regions USING INDEX regions_parent_name \(parent_code=\?\)/.test(s)),
      steps.join('\n'),
    ).toBe(true);
    expect(steps.filter((s) => /^SCAN regions/.test(s))).toEqual([]);
  });

  it('a prefix without a parent: one range of regions_level_name, already in name order', () => {
    const steps = plan(regionSearchSql.PREFIX, { level: 'village', q: 'kar', limit: 20 });
    expect(
      steps.some((s) => /SEARCH regions USING INDEX regions_level_name \(level=\? AND name_key>\? AND name_key<\?\)/.test(s)),
      steps.join('\n'),
    ).toBe(true);
    expect(steps.filter((s) => /SCAN regions|TEMP B-TREE/.test(s))).toEqual([]);
  });

  it('a part of a name without a parent: the level range of regions_level_name', () => {
    const steps = plan(regionSearchSql.INSIDE, { level: 'village', q: 'har', limit: 20 });
    expect(
      steps.some((s) => /SEARCH regions USING INDEX regions_level_name \(level=\?\)/.test(s)),
      steps.join('\n'),
    ).toBe(true);
    expect(steps.filter((s) => /^SCAN regions/.test(s))).toEqual([]);
  });
});
