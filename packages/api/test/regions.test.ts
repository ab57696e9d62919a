import { getCandidate, getRegionDataset } from '@kader/db';
import { registerCandidateSchema } from '@kader/workflow';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, DomainError, registerCandidate } from '../src/index';
import { toClientError } from '../src/errors';
import { correctCandidate } from '../src/services/correctCandidate';
import { ensureRegions } from '../src/services/regions/ensureRegions';
import { createBranch } from '../src/services/planning/createBranch';
import { candidateInput, contextFor, fixedClock, seedBranch, seededDatabase, tempDatabase } from './helpers';

/**
 * Kemendagri's regions loaded from the real `idn-area-data` package into a real SQLite file (once
 * for the file: the load is the slow part), searched through the router, and a candidate's address
 * picked by its village code.
 */
let db: ReturnType<typeof tempDatabase>;
let seeded: ReturnType<typeof seedBranch>;
const clock = fixedClock();
const ctx = () => contextFor(db.handle, clock.now);
const caller = () => createCaller(ctx());

beforeAll(() => {
  db = tempDatabase();
  seeded = seedBranch(db.handle);
  const first = ensureRegions(db.handle);
  expect(first.loaded).toBe(true);
});
afterAll(() => db.cleanup());

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function refusalOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return toClientError(e).data;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('loading the dataset', () => {
  it('loads the four levels once, recording the package and its version', () => {
    const dataset = getRegionDataset(db.handle.db);
    expect(dataset).toMatchObject({
      package: 'idn-area-data',
      version: '4.0.1',
      counts: { province: 38, regency: 514, district: 7285, village: 83762 },
    });
    // a second start finds the same version and loads nothing
    expect(ensureRegions(db.handle).loaded).toBe(false);
  });
});

describe('regions.search', () => {
  it('finds a regency by part of its name in any case, names starting with it first', async () => {
    const found = await caller().regions.search({ level: 'regency', query: 'MADIUN', limit: 10 });
    expect(found.map((r) => [r.code, r.name])).toEqual([
      ['35.19', 'Kabupaten Madiun'],
      ['35.77', 'Kota Madiun'],
    ]);
    const inside = await caller().regions.search({ level: 'district', query: 'toharj', limit: 10 });
    expect(inside.map((r) => r.code)).toEqual(expect.arrayContaining(['35.77.01', '35.20.15']));
  });

  it('puts a name starting with the query before one containing it', async () => {
    const found = await caller().regions.search({ level: 'village', parentCode: '35.77.01', query: 'o', limit: 20 });
    // "Oro-oro Ombo" starts with o; the others only contain it
    expect(found[0]?.name).toBe('Oro-oro Ombo');
    expect(found.every((r) => r.name.toLowerCase().includes('o'))).toBe(true);
  });

  it('searches within the parent only when one is given', async () => {
    const all = await caller().regions.search({ level: 'village', query: 'kartoharjo', limit: 20 });
    expect(all.map((r) => r.code).sort()).toEqual([
      '33.08.18.2004',
      '35.18.13.1009',
      '35.20.15.2001',
      '35.21.09.2003',
      '35.77.01.1008',
    ]);
    const inDistrict = await caller().regions.search({
      level: 'village',
      parentCode: '35.77.01',
      query: 'kartoharjo',
      limit: 20,
    });
    expect(inDistrict).toEqual([{ code: '35.77.01.1008', level: 'village', parentCode: '35.77.01', name: 'Kartoharjo' }]);
  });

  it('answers at most the limit, and refuses a limit over 20', async () => {
    const page = await caller().regions.search({ level: 'village', query: 'a', limit: 20 });
    expect(page).toHaveLength(20);
    const refused = await refusalOf(caller().regions.search({ level: 'village', query: 'a', limit: 21 }));
    expect(refused?.fields?.map((f) => f.path)).toEqual(['limit']);
  });

  it('answers an empty list for a name nobody has', async () => {
    expect(await caller().regions.search({ level: 'village', query: 'zzzqx', limit: 5 })).toEqual([]);
  });
});

describe('regions.chain', () => {
  it('gives the province, regency, district and village of a village code', async () => {
    expect(await caller().regions.chain({ code: '35.77.01.1008' })).toEqual({
      province: { code: '35', name: 'Jawa Timur' },
      regency: { code: '35.77', name: 'Kota Madiun' },
      district: { code: '35.77.01', name: 'Kartoharjo' },
      village: { code: '35.77.01.1008', name: 'Kartoharjo' },
    });
  });

  it('refuses an unknown code naming the field and the code', async () => {
    const refused = await refusalOf(caller().regions.chain({ code: '35.77.01.9999' }));
    expect(refused).toMatchObject({ reason: 'REGION_CODE_UNKNOWN', params: { code: '35.77.01.9999' } });
    expect(refused?.fields?.map((f) => f.path)).toEqual(['code']);
  });
});

describe('a candidate address with a village code', () => {
  it('stores the chain of codes and takes the names from the dataset', () => {
    const input = candidateInput(seeded.period.id, seeded.area.id, '3577015208900001');
    input.candidate.address = {
      ...input.candidate.address,
      village: 'kartoharjo (ditulis tangan)',
      district: 'x',
      regency: 'y',
      villageCode: '35.77.01.1008',
    } as typeof input.candidate.address;
    const { candidateId } = registerCandidate({ ctx: ctx(), input: registerCandidateSchema.parse(input) });
    expect(getCandidate(db.handle.db, candidateId)).toMatchObject({
      street: 'Jl. Pahlawan 12',
      rtRw: '003/004',
      village: 'Kartoharjo',
      district: 'Kartoharjo',
      regency: 'Kota Madiun',
      provinceCode: '35',
      regencyCode: '35.77',
      districtCode: '35.77.01',
      villageCode: '35.77.01.1008',
    });
  });

  it('refuses a village code the dataset does not know, naming the field, and writes nothing', () => {
    const input = candidateInput(seeded.period.id, seeded.area.id, '3577015208900002', 'Tidak Ada');
    input.candidate.address = { ...input.candidate.address, villageCode: '35.77.01.9999' } as typeof input.candidate.address;
    const before = db.handle.sqlite.prepare('select count(*) as n from candidates').get();
    const e = refusal(() => registerCandidate({ ctx: ctx(), input: registerCandidateSchema.parse(input) }));
    expect(e.details.fields).toEqual([
      expect.objectContaining({ path: 'candidate.address.villageCode', reason: 'REGION_CODE_UNKNOWN' }),
    ]);
    expect(db.handle.sqlite.prepare('select count(*) as n from candidates').get()).toEqual(before);
  });

  it('refuses a malformed village code at the schema, naming the field', () => {
    const input = candidateInput(seeded.period.id, seeded.area.id);
    input.candidate.address = { ...input.candidate.address, villageCode: '3577011008' } as typeof input.candidate.address;
    const parsed = registerCandidateSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['candidate.address.villageCode', 'VILLAGE_CODE_FORMAT'],
    ]);
  });

  it('keeps a free-text address without codes', () => {
    const input = candidateInput(seeded.period.id, seeded.area.id, '3577015208900003', 'Teks Bebas');
    const { candidateId } = registerCandidate({ ctx: ctx(), input: registerCandidateSchema.parse(input) });
    expect(getCandidate(db.handle.db, candidateId)).toMatchObject({
      village: 'Kartoharjo',
      regency: 'Kota Madiun',
      provinceCode: null,
      villageCode: null,
    });
  });

  it('a supervisor matches a free-text address to codes by a correction, audited by field name', () => {
    const input = candidateInput(seeded.period.id, seeded.area.id, '3577015208900004', 'Dicocokkan');
    input.candidate.address.village = 'Kartoharjo';
    const { candidateId } = registerCandidate({ ctx: ctx(), input: registerCandidateSchema.parse(input) });
    const before = getCandidate(db.handle.db, candidateId);
    if (!before) throw new Error('no candidate');
    correctCandidate({
      ctx: ctx(),
      input: {
        id: candidateId,
        revision: before.revision,
        reason: 'alamat dicocokkan dengan kode wilayah',
        nik: before.nik,
        name: before.name,
        phone: before.phone,
        address: {
          street: before.street,
          rtRw: before.rtRw,
          village: before.village,
          district: before.district,
          regency: before.regency,
          villageCode: '35.77.01.1008',
        },
      },
    });
    const after = getCandidate(db.handle.db, candidateId);
    expect(after).toMatchObject({ revision: before.revision + 1, villageCode: '35.77.01.1008', regencyCode: '35.77' });
    const audit = db.handle.sqlite
      .prepare("select payload from audit_events where entity_type = 'candidate' and entity_id = ? order by seq desc limit 1")
      .get(candidateId) as { payload: string };
    expect(JSON.parse(audit.payload).fields).toEqual(['provinceCode', 'regencyCode', 'districtCode', 'villageCode']);
    // a stale revision is refused: the match never overwrites someone else's correction
    const stale = refusal(() =>
      correctCandidate({
        ctx: ctx(),
        input: {
          id: candidateId,
          revision: before.revision,
          reason: 'alamat dicocokkan lagi',
          nik: before.nik,
          name: before.name,
          phone: before.phone,
          address: { ...after, villageCode: '35.77.01.1001' } as never,
        },
      }),
    );
    expect(stale.code).toBe('CONFLICT');
  });
});

describe('work areas', () => {
  it('a branch opened with areas named like regencies or cities gets their codes', () => {
    const branch = createBranch({
      ctx: ctx(),
      input: {
        code: 'KC-SBY',
        name: 'KC Surabaya',
        timeZone: 'Asia/Jakarta',
        workAreas: [{ name: 'Kota Surabaya' }, { name: 'kabupaten sidoarjo' }, { name: 'Wilayah Timur' }],
      },
    });
    const areas = db.handle.sqlite
      .prepare('select name, region_code as regionCode from work_areas where branch_id = ? order by id')
      .all(branch.id);
    expect(areas).toEqual([
      { name: 'Kota Surabaya', regionCode: '35.78' },
      { name: 'kabupaten sidoarjo', regionCode: '35.15' },
      // no regency has this name: the area keeps its name alone
      { name: 'Wilayah Timur', regionCode: null },
    ]);
  });

  it("the demo's work areas carry real regency/city codes", () => {
    const demo = seededDatabase();
    try {
      ensureRegions(demo.handle);
      const areas = demo.handle.sqlite
        .prepare(
          'select a.name, a.region_code as code, r.level, r.name as regionName from work_areas a left join regions r on r.code = a.region_code order by a.id',
        )
        .all() as { name: string; code: string; level: string | null; regionName: string | null }[];
      expect(areas.map((a) => [a.name, a.code])).toEqual(
        expect.arrayContaining([
          ['Kota Madiun', '35.77'],
          ['Kabupaten Madiun', '35.19'],
          ['Kabupaten Magetan', '35.20'],
          ['Kabupaten Ponorogo', '35.02'],
          ['Kabupaten Ngawi', '35.21'],
        ]),
      );
      for (const a of areas)
        expect({ name: a.name, level: a.level, regionName: a.regionName }).toEqual({
          name: a.name,
          level: 'regency',
          regionName: a.name,
        });
    } finally {
      demo.cleanup();
    }
  });
});

describe('a new version of the dataset', () => {
  it('replaces the regions when the recorded version differs', () => {
    const stale = { ...getRegionDataset(db.handle.db), version: '4.0.0' };
    db.handle.sqlite.prepare("update settings set value = ? where key = 'regions.dataset'").run(JSON.stringify(stale));
    db.handle.sqlite.prepare("delete from regions where code like '35.77.%'").run();
    const reloaded = ensureRegions(db.handle, new Date('2027-01-02T00:00:00Z'));
    expect(reloaded.loaded).toBe(true);
    expect(getRegionDataset(db.handle.db)).toMatchObject({ version: '4.0.1', loadedAt: '2027-01-02T00:00:00.000Z' });
    expect(db.handle.sqlite.prepare("select count(*) as n from regions where code like '35.77.%'").get()).toEqual({ n: 30 });
  });
});
