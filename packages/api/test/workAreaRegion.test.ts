import { listAudit } from '@kader/db';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, toClientError } from '../src/errors';
import { createCaller } from '../src/index';
import { createBranch } from '../src/services/planning/createBranch';
import { ensureRegions } from '../src/services/regions/ensureRegions';
import { seededDatabase, userContext } from './helpers';

/**
 * Work areas' Kemendagri codes chosen, not guessed: at opening a branch and afterwards, against
 * the real region data loaded from `idn-area-data` into a real SQLite file (once for the file).
 */
let db: ReturnType<typeof seededDatabase>;
beforeAll(() => {
  db = seededDatabase();
  expect(ensureRegions(db.handle).loaded).toBe(true);
});
afterAll(() => db.cleanup());

const as = (username: string) => createCaller(userContext(db.handle, username));
const admin = () => as('admin.pusat');

/** What a client reads of a refusal (`data.kader`). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError) => toClientError(e).data,
  );

type AreaRow = { id: number; name: string; regionCode: string | null; revision: number };
const areasOf = (branchId: number) =>
  db.handle.sqlite
    .prepare('select id, name, region_code as regionCode, revision from work_areas where branch_id = ? order by id')
    .all(branchId) as AreaRow[];
const count = (table: 'branches' | 'work_areas' | 'audit_events') =>
  (db.handle.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

describe('opening a branch with chosen codes', () => {
  it('keeps each code chosen, a named group of districts with its regency, a name alone without one', async () => {
    const branch = await admin().branches.create({
      code: 'KC-MDT',
      name: 'KC Madiun Timur',
      timeZone: 'Asia/Jakarta',
      workAreas: [
        { name: 'Kota Madiun', regionCode: '35.77' },
        { name: 'Madiun Timur', regionCode: '35.19' },
        { name: 'Wilayah Barat' },
        // the plain string of earlier callers: a name that is exactly one regency's is the same as choosing it
        'Kabupaten Magetan',
        // "Madiun" is two regencies' name in part and no one's whole: no code until one is chosen
        'Madiun',
      ],
    });
    expect(areasOf(branch.id).map((a) => [a.name, a.regionCode, a.revision])).toEqual([
      ['Kota Madiun', '35.77', 0],
      ['Madiun Timur', '35.19', 0],
      ['Wilayah Barat', null, 0],
      ['Kabupaten Magetan', '35.20', 0],
      ['Madiun', null, 0],
    ]);
    const [created] = listAudit(db.handle.db, { entityType: 'branch', entityId: branch.id });
    expect(created).toMatchObject({ type: 'BRANCH_CREATED', actor: 'admin.pusat' });
    expect((created!.payload as { workAreas: unknown[] }).workAreas[1]).toEqual({ name: 'Madiun Timur', regionCode: '35.19' });
  });

  it('refuses a code the region data does not know, naming the area on its field, and writes nothing', async () => {
    const before = [count('branches'), count('work_areas'), count('audit_events')];
    const r = await refusal(
      admin().branches.create({
        code: 'KC-XYZ',
        name: 'KC Uji',
        timeZone: 'Asia/Jakarta',
        workAreas: [
          { name: 'Kota Madiun', regionCode: '35.77' },
          { name: 'Wilayah Timur', regionCode: '35.99' },
        ],
      }),
    );
    expect(r).toMatchObject({
      code: 'VALIDATION',
      reason: 'WORK_AREA_REGION_UNKNOWN',
      params: { area: 'Wilayah Timur', code: '35.99' },
      message: 'Kode kabupaten/kota 35.99 untuk Wilayah Timur tidak ada dalam data wilayah Kemendagri',
    });
    expect(r!.fields!.map((f) => [f.path, f.reason])).toEqual([['workAreas.1.regionCode', 'WORK_AREA_REGION_UNKNOWN']]);
    expect([count('branches'), count('work_areas'), count('audit_events')]).toEqual(before);
  });

  it('refuses a province or district code: at the schema by its shape, and at the server by its level in the table', async () => {
    const r = await refusal(
      admin().branches.create({
        code: 'KC-XYZ',
        name: 'KC Uji',
        timeZone: 'Asia/Jakarta',
        workAreas: [
          { name: 'Jawa Timur', regionCode: '35' },
          { name: 'Taman', regionCode: '35.77.01' },
        ],
      }),
    );
    expect(r).toMatchObject({ code: 'VALIDATION', reason: 'INVALID_INPUT' });
    expect(r!.fields!.map((f) => [f.path, f.reason, f.params])).toEqual([
      ['workAreas.0.regionCode', 'WORK_AREA_REGION_NOT_REGENCY', { area: 'Jawa Timur', code: '35' }],
      ['workAreas.1.regionCode', 'WORK_AREA_REGION_NOT_REGENCY', { area: 'Taman', code: '35.77.01' }],
    ]);
    // past the schema (a caller of the service itself), the table's level decides
    const before = count('work_areas');
    let refused: unknown;
    try {
      createBranch({
        ctx: userContext(db.handle, 'admin.pusat'),
        input: {
          code: 'KC-XYZ',
          name: 'KC Uji',
          timeZone: 'Asia/Jakarta',
          workAreas: [{ name: 'Taman', regionCode: '35.77.01' }],
        },
      });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).details.fields).toEqual([
      expect.objectContaining({ path: 'workAreas.0.regionCode', reason: 'WORK_AREA_REGION_NOT_REGENCY' }),
    ]);
    expect(count('work_areas')).toBe(before);
  });
});

describe('setting the code of an existing work area', () => {
  let branchId: number;
  let area: AreaRow;
  beforeAll(async () => {
    branchId = (
      await admin().branches.create({
        code: 'KC-PNG',
        name: 'KC Ponorogo',
        timeZone: 'Asia/Jakarta',
        workAreas: ['Ponorogo Utara'],
      })
    ).id;
    area = areasOf(branchId)[0]!;
    expect(area.regionCode).toBeNull();
  });

  it('head office sets it over the revision it saw, answered with the region name, audited with the code before', async () => {
    const set = await admin().branches.setWorkAreaRegion({ workAreaId: area.id, revision: 0, regionCode: '35.02' });
    expect(set).toEqual({
      id: area.id,
      branchId,
      name: 'Ponorogo Utara',
      regionCode: '35.02',
      regionName: 'Kabupaten Ponorogo',
      revision: 1,
    });
    const changed = await admin().branches.setWorkAreaRegion({ workAreaId: area.id, revision: 1, regionCode: '35.20' });
    expect(changed).toMatchObject({ regionCode: '35.20', regionName: 'Kabupaten Magetan', revision: 2 });
    const rows = listAudit(db.handle.db, { entityType: 'branch', entityId: branchId }).filter(
      (r) => r.type === 'WORK_AREA_REGION_SET',
    );
    expect(rows.map((r) => [r.actor, r.payload])).toEqual([
      [
        'admin.pusat',
        {
          workAreaId: area.id,
          name: 'Ponorogo Utara',
          regionCode: '35.02',
          regionName: 'Kabupaten Ponorogo',
          before: null,
          branch: 'KC-PNG',
        },
      ],
      [
        'admin.pusat',
        {
          workAreaId: area.id,
          name: 'Ponorogo Utara',
          regionCode: '35.20',
          regionName: 'Kabupaten Magetan',
          before: '35.02',
          branch: 'KC-PNG',
        },
      ],
    ]);
    // the branch's list shows what was written
    expect(await admin().branches.workAreas({ branchId })).toEqual([changed]);
  });

  it('refuses a stale revision (CONFLICT) and leaves the code as the other edit left it', async () => {
    const stale = await refusal(admin().branches.setWorkAreaRegion({ workAreaId: area.id, revision: 0, regionCode: '35.19' }));
    expect(stale).toMatchObject({ code: 'CONFLICT', reason: 'CONFLICT' });
    expect(areasOf(branchId)[0]).toMatchObject({ regionCode: '35.20', revision: 2 });
  });

  it('refuses an unknown code naming the area, and a province or district code by its shape; nothing written', async () => {
    const audits = count('audit_events');
    const unknown = await refusal(admin().branches.setWorkAreaRegion({ workAreaId: area.id, revision: 2, regionCode: '35.99' }));
    expect(unknown).toMatchObject({
      code: 'VALIDATION',
      reason: 'WORK_AREA_REGION_UNKNOWN',
      params: { area: 'Ponorogo Utara', code: '35.99' },
      fields: [{ path: 'regionCode', reason: 'WORK_AREA_REGION_UNKNOWN' }],
    });
    for (const code of ['35', '35.02.01']) {
      const shape = await refusal(admin().branches.setWorkAreaRegion({ workAreaId: area.id, revision: 2, regionCode: code }));
      expect(shape!.fields!.map((f) => [f.path, f.reason])).toEqual([['regionCode', 'REGENCY_CODE_FORMAT']]);
    }
    const missing = await refusal(admin().branches.setWorkAreaRegion({ workAreaId: 99999, revision: 0, regionCode: '35.02' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', reason: 'WORK_AREA_NOT_FOUND', params: { id: 99999 } });
    expect(areasOf(branchId)[0]).toMatchObject({ regionCode: '35.20', revision: 2 });
    expect(count('audit_events')).toBe(audits);
  });

  it('clears it with null (audited); the same code again is no change and no audit row', async () => {
    const cleared = await admin().branches.setWorkAreaRegion({ workAreaId: area.id, revision: 2, regionCode: null });
    expect(cleared).toMatchObject({ regionCode: null, regionName: null, revision: 3 });
    const audits = count('audit_events');
    expect(await admin().branches.setWorkAreaRegion({ workAreaId: area.id, revision: 3, regionCode: null })).toEqual(cleared);
    expect(count('audit_events')).toBe(audits);
  });

  it("is head office's alone; a branch's own staff read their areas, another branch's do not", async () => {
    const madiun = (db.handle.sqlite.prepare("select id from branches where code = 'KC-MDN'").get() as { id: number }).id;
    const kota = areasOf(madiun).find((a) => a.name === 'Kota Madiun')!;
    for (const user of ['penyelia.madiun', 'rekruter.madiun', 'pimpinan.madiun']) {
      const r = await refusal(
        as(user).branches.setWorkAreaRegion({ workAreaId: kota.id, revision: kota.revision, regionCode: '35.19' }),
      );
      expect(r, user).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(areasOf(madiun).find((a) => a.id === kota.id)).toEqual(kota);
    const own = await as('penyelia.madiun').branches.workAreas({ branchId: madiun });
    expect(own.find((a) => a.id === kota.id)).toMatchObject({ regionCode: '35.77', regionName: 'Kota Madiun' });
    expect(await refusal(as('rekruter.makassar').branches.workAreas({ branchId: madiun }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
