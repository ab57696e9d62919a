import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index';
import { madiun2026, seededDatabase, userContext } from './helpers';

let db: ReturnType<typeof seededDatabase>;
let appId: number;
let nik: string;

beforeAll(async () => {
  db = seededDatabase();
  const row = db.handle.sqlite
    .prepare("select a.id, c.nik from applications a join candidates c on c.id = a.candidate_id where c.name = 'Endang Sulastri'")
    .get() as { id: number; nik: string };
  appId = row.id;
  nik = row.nik;
});
afterAll(() => db.cleanup());

const as = (username: string) => createCaller(userContext(db.handle, username));
const views = () => (db.handle.sqlite.prepare('select count(*) n from nik_views').get() as { n: number }).n;

describe('personal data', () => {
  it("the branch's recruiter reads the NIK masked and the phone in full, and reading logs no view", async () => {
    const before = views();
    const detail = await as('rekruter.madiun').applications.get({ id: appId });
    expect(detail.candidate).toMatchObject({ nik: `${nik.slice(0, 4)} •••• •••• ${nik.slice(12)}`, canRevealNik: true });
    expect(detail.candidate.phone).toMatch(/^\+628\d+$/);
    expect(views()).toBe(before);
  });

  it('revealing the NIK gives it in full and logs the view (who, when, which)', async () => {
    const before = views();
    const detail = await as('rekruter.madiun').applications.get({ id: appId });
    const revealed = await as('rekruter.madiun').candidates.revealNik({ candidateId: detail.candidate.id });
    expect(revealed.nik).toBe(nik);
    expect(views()).toBe(before + 1);
    const last = db.handle.sqlite
      .prepare('select u.username, v.candidate_id, v.at from nik_views v join users u on u.id = v.user_id order by v.id desc')
      .get();
    expect(last).toMatchObject({ username: 'rekruter.madiun', candidate_id: detail.candidate.id });
  });

  it.each(['pimpinan.madiun', 'pemantau.pusat', 'admin.pusat'])(
    '%s sees them masked, and no view is logged',
    async (username) => {
      const before = views();
      const detail = await as(username).applications.get({ id: appId });
      expect(detail.candidate.piiMasked).toBe(true);
      expect(detail.candidate.canRevealNik).toBe(false);
      expect(detail.candidate.nik).toBe(`${nik.slice(0, 4)} •••• •••• ${nik.slice(12)}`);
      expect(detail.candidate.phone).toMatch(/^08\d\d-••••-\d{4}$/);
      expect(detail.allowedEvents).toEqual([]);
      expect(detail.canEditCandidate).toBe(false);
      expect(views()).toBe(before);
    },
  );

  it('lists show the NIK masked to everyone', async () => {
    const board = await as('rekruter.madiun').applications.board({ periodId: madiun2026(db.handle), search: nik });
    const card = board.columns.flatMap((c) => c.items).find((i) => i.id === appId)!;
    expect(card.nikMasked).toBe(`${nik.slice(0, 4)} •••• •••• ${nik.slice(12)}`);
    expect(JSON.stringify(board)).not.toContain(nik);
  });
});

describe('searching the board by NIK', () => {
  const found = async (username: string, search: string) => {
    const board = await as(username).applications.board({ periodId: madiun2026(db.handle), search });
    return board.columns.flatMap((c) => c.items).some((i) => i.id === appId);
  };

  it("finds a candidate by part of the NIK for the branch's selection staff", async () => {
    expect(await found('rekruter.madiun', nik.slice(4, 10))).toBe(true);
    expect(await found('rekruter.madiun', nik)).toBe(true);
  });

  it.each(['pimpinan.madiun', 'pemantau.pusat'])(
    'finds it only by the whole NIK for %s, who sees it masked',
    async (username) => {
      // A hidden digit guessed one search at a time would otherwise rebuild the masked NIK.
      expect(await found(username, nik.slice(0, 7))).toBe(false);
      expect(await found(username, nik.slice(4, 12))).toBe(false);
      expect(await found(username, nik)).toBe(true);
    },
  );
});

describe("correcting a candidate's data", () => {
  it('is a supervisor action with a reason, checked against the revision, audited without the values', async () => {
    const detail = await as('penyelia.madiun').applications.get({ id: appId });
    expect(detail.canEditCandidate).toBe(true);
    const c = detail.candidate;
    // The page shows the NIK masked: the correction form reveals it first (as the admin UI does).
    const { nik: fullNik } = await as('penyelia.madiun').candidates.revealNik({ candidateId: c.id });
    const input = {
      id: c.id,
      revision: c.revision,
      reason: 'Salah ketik nama di formulir',
      name: 'Endang Sulastri Rahayu',
      phone: c.phone,
      nik: fullNik,
      address: c.address,
    };
    await expect(as('rekruter.madiun').candidates.update(input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { reason: { reason: 'ROLE_NOT_ALLOWED' } },
    });
    const done = await as('penyelia.madiun').candidates.update(input);
    expect(done.revision).toBe(c.revision + 1);
    await expect(as('penyelia.madiun').candidates.update(input)).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: { reason: 'CONFLICT' } },
    });
    await expect(as('penyelia.madiun').candidates.update({ ...input, revision: done.revision })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { reason: { reason: 'CANDIDATE_UNCHANGED' }, message: 'Tidak ada data yang berubah.' },
    });

    const audit = db.handle.sqlite
      .prepare("select payload, actor from audit_events where type = 'CANDIDATE_CORRECTED'")
      .get() as { payload: string; actor: string };
    expect(JSON.parse(audit.payload)).toEqual({ fields: ['name'], reason: 'Salah ketik nama di formulir' });
    expect(audit.actor).toBe('penyelia.madiun');
    expect((await as('penyelia.madiun').applications.get({ id: appId })).candidate.name).toBe('Endang Sulastri Rahayu');
  });

  it('refuses a NIK that belongs to someone else, naming the field', async () => {
    const other = db.handle.sqlite.prepare("select nik from candidates where name = 'Budi Santoso'").get() as { nik: string };
    const c = (await as('penyelia.madiun').applications.get({ id: appId })).candidate;
    await expect(
      as('penyelia.madiun').candidates.update({
        id: c.id,
        revision: c.revision,
        reason: 'NIK salah ketik',
        name: c.name,
        phone: c.phone,
        nik: other.nik,
        address: c.address,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: {
        reason: { reason: 'NIK_USED_BY_OTHER', params: { candidateId: expect.any(Number) } },
        message: expect.stringMatching(/^NIK ini sudah dipakai calon kader lain \(#\d+\)\.$/),
        details: { fields: [{ path: 'nik', reason: 'NIK_USED_BY_OTHER' }] },
      },
    });
  });
});

describe('score corrections', () => {
  it('a corrected interview score is judged again and moves the rejected application on', async () => {
    const failed = db.handle.sqlite
      .prepare("select a.id from applications a join candidates c on c.id = a.candidate_id where c.name = 'Ahmad Fauzi'")
      .get() as { id: number };
    const before = await as('penyelia.madiun').applications.get({ id: failed.id });
    expect(before.allowedEvents).toEqual(expect.arrayContaining(['REOPEN', 'CORRECT_INTERVIEW_SCORE']));
    expect((await as('rekruter.madiun').applications.get({ id: failed.id })).allowedEvents).toEqual([]);
    const after = await as('penyelia.madiun').applications.send({
      id: failed.id,
      revision: before.revision,
      event: { type: 'CORRECT_INTERVIEW_SCORE', score: 72, reason: 'Nilai 52 salah ketik, lembar penilaian 72' },
    });
    expect(after.state).toBe('agreementSigning');
    expect(after.context.scores.interview).toMatchObject({ score: 72, passed: true });
    const { entries } = await as('penyelia.madiun').applications.history({ id: failed.id, limit: 1 });
    expect(entries[0]).toMatchObject({
      type: 'CORRECT_INTERVIEW_SCORE',
      fromState: 'rejected',
      toState: 'agreementSigning',
      actor: 'penyelia.madiun',
    });
  });
});
