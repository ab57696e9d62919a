import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRPCError } from '@trpc/server';
import { toClientError } from '../src/errors';
import { createCaller } from '../src/index';
import { revealNik } from '../src/services/revealNik';
import { madiun2026, seededDatabase, userContext } from './helpers';

/**
 * A full NIK is shown only when a person asks for it ("Tampilkan NIK") or prints it (the PKS), and
 * only those acts are logged in `nik_views`: reading a page, refetching it or the answer of an
 * action writes nothing, so the log says who deliberately looked at whose NIK.
 */
let db: ReturnType<typeof seededDatabase>;
type Person = { candidateId: number; appId: number; nik: string; birthDate: string; sex: string };
let endang: Person;
let signing: { id: number; candidateId: number };
let contract: { id: number; candidateId: number };

beforeAll(async () => {
  db = seededDatabase();
  const q = <T>(sql: string) => db.handle.sqlite.prepare(sql).get() as T;
  endang = q<Person>(
    `select c.id candidateId, a.id appId, c.nik, c.birth_date birthDate, c.sex
       from applications a join candidates c on c.id = a.candidate_id where c.name = 'Endang Sulastri'`,
  );
  signing = q(
    `select a.id, a.candidate_id candidateId from applications a join recruitment_periods p on p.id = a.period_id
       join branches b on b.id = p.branch_id where b.code = 'KC-MDN' and a.state = 'agreementSigning' limit 1`,
  );
  contract = q(
    "select c.id, c.candidate_id candidateId from contracts c join branches b on b.id = c.branch_id where b.code = 'KC-MDN' limit 1",
  );
});
afterAll(() => db.cleanup());

const as = (username: string) => createCaller(userContext(db.handle, username));
const views = () => (db.handle.sqlite.prepare('select count(*) n from nik_views').get() as { n: number }).n;
const lastView = () =>
  db.handle.sqlite
    .prepare(
      'select u.username, v.candidate_id candidateId, v.at from nik_views v join users u on u.id = v.user_id order by v.id desc',
    )
    .get();
const masked = (nik: string) => `${nik.slice(0, 4)} •••• •••• ${nik.slice(12)}`;

describe('reads no longer write', () => {
  it.each(['rekruter.madiun', 'penyelia.madiun'])(
    '%s loads the application, the contract and the board many times: the NIK is masked and nik_views is unchanged',
    async (username) => {
      const caller = as(username);
      const before = views();
      for (let i = 0; i < 5; i++) {
        const detail = await caller.applications.get({ id: endang.appId });
        expect(detail.candidate).toMatchObject({ nik: masked(endang.nik), canRevealNik: true, piiMasked: false });
        expect(detail.candidate.age).toBe(44);
        // Beside the masked NIK these would give its digits 7-12 back.
        expect(detail.candidate).not.toHaveProperty('birthDate');
        expect(detail.candidate).not.toHaveProperty('sex');
        expect(JSON.stringify(detail)).not.toContain(endang.nik);
        const c = await caller.contracts.get({ id: contract.id });
        expect(c.candidate).toMatchObject({ canRevealNik: true, piiMasked: false });
        expect(c.candidate.nik).toMatch(/^\d{4} •••• •••• \d{4}$/);
        expect(c.candidate).not.toHaveProperty('birthDate');
        await caller.applications.board({ periodId: madiun2026(db.handle) });
      }
      expect(views()).toBe(before);
    },
  );

  it('the answer of an action is masked too, and writes no view', async () => {
    const reg = db.handle.sqlite
      .prepare(
        `select a.id, a.revision, c.nik from applications a join candidates c on c.id = a.candidate_id
           join recruitment_periods p on p.id = a.period_id join branches b on b.id = p.branch_id
          where b.code = 'KC-MDN' and a.state = 'registered' limit 1`,
      )
      .get() as { id: number; revision: number; nik: string };
    const before = views();
    const after = await as('rekruter.madiun').applications.send({
      id: reg.id,
      revision: reg.revision,
      event: { type: 'BEGIN_ADMIN_CHECK' },
    });
    expect(after.state).toBe('administrativeCheck');
    expect(after.candidate).toMatchObject({ nik: masked(reg.nik), canRevealNik: true });
    expect(after.candidate).not.toHaveProperty('birthDate');
    expect(views()).toBe(before);
  });

  it.each(['pimpinan.madiun', 'pemantau.pusat', 'admin.pusat'])('%s may not reveal: canRevealNik is false', async (username) => {
    const detail = await as(username).applications.get({ id: endang.appId });
    expect(detail.candidate).toMatchObject({ nik: masked(endang.nik), canRevealNik: false, piiMasked: true });
    expect((await as(username).contracts.get({ id: contract.id })).candidate.canRevealNik).toBe(false);
  });
});

describe('candidates.revealNik', () => {
  it.each(['rekruter.madiun', 'penyelia.madiun'])(
    'gives %s the NIK, birth date and sex, and logs exactly one view (who, when, which)',
    async (username) => {
      const before = views();
      const revealed = await as(username).candidates.revealNik({ candidateId: endang.candidateId });
      expect(revealed).toEqual({ nik: endang.nik, birthDate: '1982-10-19', sex: 'F' });
      expect(views()).toBe(before + 1);
      expect(lastView()).toMatchObject({ username, candidateId: endang.candidateId, at: expect.stringMatching(/^\d{4}-/) });
    },
  );

  it.each([
    ['pimpinan.madiun', 'FORBIDDEN'],
    ['pemantau.pusat', 'FORBIDDEN'],
    ['admin.pusat', 'FORBIDDEN'],
    ['rekruter.makassar', 'NOT_FOUND'],
  ])('refuses %s (%s) and logs nothing', async (username, code) => {
    const before = views();
    await expect(as(username).candidates.revealNik({ candidateId: endang.candidateId })).rejects.toMatchObject({ code });
    expect(views()).toBe(before);
  });

  it('says who may see the full NIK, and names the candidate it does not find', async () => {
    // the router refuses the role first; the service itself says who may see it
    await expect(as('pimpinan.madiun').candidates.revealNik({ candidateId: endang.candidateId })).rejects.toMatchObject({
      cause: { reason: { reason: 'ROLE_NOT_ALLOWED' } },
    });
    expect(() =>
      revealNik({ ctx: userContext(db.handle, 'pimpinan.madiun'), input: { candidateId: endang.candidateId } }),
    ).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        reason: { reason: 'NIK_REVEAL_STAFF_ONLY', params: {} },
        message: 'Hanya rekruter dan penyelia kantor cabang ini yang dapat melihat NIK lengkap.',
      }),
    );
    await expect(as('rekruter.makassar').candidates.revealNik({ candidateId: endang.candidateId })).rejects.toMatchObject({
      cause: {
        reason: { reason: 'NOT_FOUND', params: { entity: 'candidate', id: endang.candidateId } },
        message: `Calon kader #${endang.candidateId} tidak ditemukan.`,
      },
    });
  });

  it('an unknown candidate is not found, bad input names the field, and neither logs', async () => {
    const before = views();
    await expect(as('rekruter.madiun').candidates.revealNik({ candidateId: 999_999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const bad = await as('rekruter.madiun')
      .candidates.revealNik({ candidateId: 0 })
      .catch((e: TRPCError) => toClientError(e).data);
    expect(bad).toMatchObject({
      code: 'VALIDATION',
      reason: 'INVALID_INPUT',
      fields: [{ path: 'candidateId', reason: 'NUMBER_NOT_ABOVE' }],
    });
    expect(views()).toBe(before);
  });
});

describe('printing the PKS logs one view', () => {
  it('an application at signing: one row per PDF', async () => {
    const before = views();
    await as('rekruter.madiun').contracts.agreementPdf({ applicationId: signing.id, paper: 'A4' });
    expect(views()).toBe(before + 1);
    expect(lastView()).toMatchObject({ username: 'rekruter.madiun', candidateId: signing.candidateId });
    await as('rekruter.madiun').contracts.agreementPdf({ applicationId: signing.id, paper: 'F4' });
    expect(views()).toBe(before + 2);
  });

  it("a cadre's contract: one row, and none when the print is refused", async () => {
    const before = views();
    await as('penyelia.madiun').contracts.agreementPdf({ contractId: contract.id, paper: 'A4' });
    expect(views()).toBe(before + 1);
    expect(lastView()).toMatchObject({ username: 'penyelia.madiun', candidateId: contract.candidateId });
    await expect(as('pimpinan.madiun').contracts.agreementPdf({ contractId: contract.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(views()).toBe(before + 1);
  });
});
