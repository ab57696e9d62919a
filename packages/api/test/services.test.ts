import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@kader/db';
import { registerCandidateSchema } from '@kader/workflow';
import { TRPCError } from '@trpc/server';
import { toClientError } from '../src/errors';
import { DomainError, getApplication, registerCandidate, sendApplicationEvent, verifyAuditLog } from '../src/index';
import { candidateInput, contextFor, fixedClock, REQUIRED_DOCS, seedBranch, tempDatabase } from './helpers';
import { getApplicationHistory } from '../src/services/getApplication';

let db: ReturnType<typeof tempDatabase>;
let clock: ReturnType<typeof fixedClock>;
let ctx: ReturnType<typeof contextFor>;
let ids: ReturnType<typeof seedBranch>;

beforeEach(() => {
  db = tempDatabase();
  clock = fixedClock();
  ctx = contextFor(db.handle, clock.now);
  ids = seedBranch(db.handle, 1);
});
afterEach(() => db.cleanup());

const register = (nik = '3577015208900001', name = 'Sri Rahayu', periodId = ids.period.id) =>
  registerCandidate({ ctx, input: registerCandidateSchema.parse(candidateInput(periodId, ids.area.id, nik, name)) });

const send = (id: number, event: Record<string, unknown>, revision?: number) =>
  sendApplicationEvent({ ctx, input: { id, revision: revision ?? getApplication({ ctx, input: { id } }).revision, event } });

function toAgreementSigning(id: number) {
  send(id, { type: 'BEGIN_ADMIN_CHECK' });
  for (const document of REQUIRED_DOCS) send(id, { type: 'VERIFY_DOCUMENT', document });
  send(id, { type: 'COMPLETE_ADMIN_CHECK' });
  send(id, { type: 'RECORD_WRITTEN_TEST_SCORE', score: 75 });
  return send(id, { type: 'RECORD_INTERVIEW_SCORE', score: 80 });
}

/**
 * Moves the clock on to 09.00 WIB of `date` unless it already stands later, and gives that date:
 * the date rules refuse a signing or a debriefing dated after the day it is recorded.
 */
function recordedOn(date: string): string {
  const ms = Date.parse(`${date}T02:00:00.000Z`) - clock.now().getTime();
  if (ms > 0) clock.advance(ms);
  return clock.now().toISOString().slice(0, 10);
}

const sign = (id: number) =>
  send(id, {
    type: 'SIGN_AGREEMENT',
    agreementNumber: `PKS/${id}/2026`,
    signedOn: recordedOn('2026-11-24'),
    startDate: '2026-12-01',
  });

function tableCounts() {
  const count = (t: string) => (db.handle.sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
  return { applications: count('applications'), audit: count('audit_events'), candidates: count('candidates') };
}

function rowOf(id: number) {
  return db.handle.sqlite.prepare('select state, revision, snapshot from applications where id = ?').get(id);
}

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** What an API client reads under `data.kader`: the message id, its parameters, the Indonesian sentence. */
const wire = (e: DomainError) => toClientError(new TRPCError({ code: 'BAD_REQUEST', cause: e })).data;

describe('registering', () => {
  it('writes the candidate, the application at revision 1 and a REGISTERED audit row without personal data', () => {
    const { applicationId } = register();
    const detail = getApplication({ ctx, input: { id: applicationId } });
    expect(detail).toMatchObject({
      state: 'registered',
      revision: 1,
      // A read shows the NIK masked (the reveal is its own logged act); what the NIK encodes is stored.
      candidate: { nik: '3577 •••• •••• 0001', age: 36, phone: '+6281234567890' },
    });
    expect(db.handle.sqlite.prepare('select nik, sex, birth_date from candidates').get()).toEqual({
      nik: '3577015208900001',
      sex: 'F',
      birth_date: '1990-08-12',
    });
    expect(detail.context.eligibility).toEqual({ age: { ok: true, value: 36, max: 60 }, education: { ok: true, value: 'SMA' } });
    const audit = JSON.stringify(db.handle.sqlite.prepare('select * from audit_events').all());
    expect(audit).not.toContain('3577015208900001');
    expect(audit).not.toContain('Sri Rahayu');
    expect(audit).not.toContain('6281234567890');
  });

  it('refuses the same NIK twice in a period, and while an earlier application is still open', () => {
    const { applicationId } = register();
    const twice = thrown(() => register());
    expect(twice.reason).toEqual({ reason: 'NIK_ALREADY_IN_PERIOD', params: { year: 2026, applicationId } });
    expect(twice.message).toBe(`NIK ini sudah terdaftar pada periode 2026 (lamaran #${applicationId}).`);
    expect(twice.details.fields).toEqual([
      { path: 'candidate.nik', reason: 'NIK_ALREADY_IN_PERIOD', params: { year: 2026, applicationId } },
    ]);
    const next = db.handle.sqlite
      .prepare(
        'insert into recruitment_periods (branch_id, year, quota, rules) select branch_id, 2027, 5, rules from recruitment_periods',
      )
      .run().lastInsertRowid as number;
    const open = thrown(() => register(undefined, undefined, next));
    expect(open.reason).toEqual({ reason: 'APPLICATION_STILL_OPEN', params: { applicationId, year: 2026 } });
    expect(open.message).toBe(`Calon ini masih punya lamaran yang berjalan atau aktif (lamaran #${applicationId}, 2026).`);
    expect(tableCounts()).toEqual({ applications: 1, audit: 1, candidates: 1 });
  });

  it('lets a rejected candidate apply again in a later period, keeping one candidate record', () => {
    const first = register().applicationId;
    send(first, { type: 'REJECT', reasonCode: 'ABSENT', note: '' });
    const next = db.handle.sqlite
      .prepare(
        'insert into recruitment_periods (branch_id, year, quota, rules) select branch_id, 2027, 5, rules from recruitment_periods',
      )
      .run().lastInsertRowid as number;
    const again = register('3577015208900001', 'Sri Rahayu Ningsih', next);
    expect(again.candidateId).toBeDefined();
    const detail = getApplication({ ctx, input: { id: again.applicationId } });
    expect(detail.candidate.name).toBe('Sri Rahayu Ningsih');
    expect(detail.earlierApplications).toEqual([{ id: first, year: 2026, branchName: 'KC Madiun', state: 'rejected' }]);
  });

  it('refuses a work area of another branch, naming the field', () => {
    const input = registerCandidateSchema.parse(candidateInput(ids.period.id, 999));
    const e = thrown(() => registerCandidate({ ctx, input }));
    expect(e.reason).toEqual({ reason: 'WORK_AREA_NOT_IN_BRANCH', params: { branch: 'KC Madiun' } });
    expect(wire(e)).toMatchObject({
      code: 'VALIDATION',
      message: 'Wilayah kerja tidak termasuk KC Madiun.',
      fields: [
        {
          path: 'workAreaId',
          reason: 'WORK_AREA_CHOOSE_OF_BRANCH',
          params: { branch: 'KC Madiun' },
          message: 'Pilih wilayah kerja KC Madiun',
        },
      ],
    });
  });
});

describe('sending events', () => {
  it('an invalid transition writes nothing and names the events allowed now', () => {
    const { applicationId: id } = register();
    const before = { row: rowOf(id), counts: tableCounts() };
    const e = thrown(() =>
      send(id, { type: 'SIGN_AGREEMENT', agreementNumber: 'PKS/1', signedOn: '2026-11-24', startDate: '2026-12-01' }),
    );
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e.details.allowedEvents).toEqual(['BEGIN_ADMIN_CHECK', 'REJECT', 'WITHDRAW']);
    expect(wire(e)).toMatchObject({
      reason: 'EVENT_NOT_ALLOWED',
      params: { event: 'SIGN_AGREEMENT', state: 'registered', machine: 'recruitment' },
      machine: 'recruitment',
      allowedEvents: ['BEGIN_ADMIN_CHECK', 'REJECT', 'WITHDRAW'],
      message:
        'Catat penandatanganan PKS tidak berlaku pada tahap Terdaftar. Aksi yang berlaku sekarang: Mulai seleksi administrasi, Tolak dan Mengundurkan diri.',
    });
    expect({ row: rowOf(id), counts: tableCounts() }).toEqual(before);
  });

  it('a failed guard writes nothing and says what is missing', () => {
    const { applicationId: id } = register();
    send(id, { type: 'BEGIN_ADMIN_CHECK' });
    send(id, { type: 'VERIFY_DOCUMENT', document: 'KTP' });
    const before = { row: rowOf(id), counts: tableCounts() };
    const e = thrown(() => send(id, { type: 'COMPLETE_ADMIN_CHECK' }));
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e.reason).toEqual({
      reason: 'ADMIN_CHECK_INCOMPLETE',
      params: { documents: ['KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN'], age: null, maxAge: 60, education: null },
    });
    expect(e.message).toBe(
      'Seleksi administrasi belum dapat diselesaikan: berkas wajib belum terverifikasi: Kartu Keluarga (KK), Ijazah SMA/sederajat, SIM, Pas foto dan Surat lamaran.',
    );
    expect({ row: rowOf(id), counts: tableCounts() }).toEqual(before);
  });

  it('a bad payload is a VALIDATION error on event.<field> and writes nothing', () => {
    const { applicationId: id } = register();
    toAgreementSigning(id);
    const before = tableCounts();
    const e = thrown(() =>
      send(id, { type: 'SIGN_AGREEMENT', agreementNumber: '', signedOn: '2026-13-01', startDate: '2026-12-01' }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.details.fields?.map((f) => f.path)).toEqual(['event.agreementNumber', 'event.signedOn']);
    expect(wire(e)).toMatchObject({
      reason: 'INVALID_INPUT',
      params: { count: 2 },
      fields: [
        { path: 'event.agreementNumber', reason: 'AGREEMENT_NUMBER_REQUIRED', message: 'Nomor PKS wajib diisi' },
        { path: 'event.signedOn', reason: 'DATE_INVALID' },
      ],
    });
    expect(tableCounts()).toEqual(before);
  });

  it('two sends with the same revision: exactly one wins, the other is a CONFLICT', () => {
    const { applicationId: id } = register();
    // A second connection to the same file stands for a second server process.
    const other = openDatabase(db.file);
    try {
      const ctx2 = contextFor(other, clock.now, 'rekruter-2');
      const results = [ctx, ctx2].map((c) => {
        try {
          return sendApplicationEvent({ ctx: c, input: { id, revision: 1, event: { type: 'BEGIN_ADMIN_CHECK' } } }).revision;
        } catch (e) {
          return (e as DomainError).code;
        }
      });
      expect(results).toEqual([2, 'CONFLICT']);
      expect(rowOf(id)).toMatchObject({ state: 'administrativeCheck', revision: 2 });
      expect(tableCounts().audit).toBe(2);
    } finally {
      other.close();
    }
  });

  it('a retried send after a lost answer acts once: the retry is a CONFLICT and writes nothing', () => {
    const { applicationId: id } = register();
    const input = { id, revision: 1, event: { type: 'BEGIN_ADMIN_CHECK' } };
    const first = sendApplicationEvent({ ctx, input });
    expect(first.revision).toBe(2);
    const retried = thrown(() => sendApplicationEvent({ ctx, input }));
    expect(retried).toMatchObject({ code: 'CONFLICT', reason: { reason: 'CONFLICT' } });
    expect(tableCounts().audit).toBe(2);
  });

  it('records the actor, the from/to states and the time of each event', () => {
    const { applicationId: id } = register();
    clock.advance(60_000);
    send(id, { type: 'BEGIN_ADMIN_CHECK' });
    const history = getApplicationHistory({ ctx, input: { id, limit: 20 } });
    expect(history.nextBefore).toBeNull();
    expect(history.entries.map((h) => [h.seq, h.type, h.fromState, h.toState, h.actor, h.at])).toEqual([
      [2, 'BEGIN_ADMIN_CHECK', 'registered', 'administrativeCheck', 'rekruter-uji', '2026-11-23T02:01:00.000Z'],
      [1, 'REGISTERED', null, 'registered', 'rekruter-uji', '2026-11-23T02:00:00.000Z'],
    ]);
  });
});

describe('quota', () => {
  it('refuses a signing when no place is left, and a withdrawal before debriefing gives the place back', () => {
    const a = register('3577015208900001', 'Sri').applicationId;
    const b = register('3577011203850002', 'Budi').applicationId;
    toAgreementSigning(a);
    toAgreementSigning(b);
    sign(a);
    const meta = db.handle.sqlite.prepare("select meta from audit_events where type = 'SIGN_AGREEMENT'").get() as {
      meta: string;
    };
    expect(JSON.parse(meta.meta)).toEqual({ quota: 1, quotaUsedBefore: 0 });

    const before = { row: rowOf(b), counts: tableCounts() };
    const e = thrown(() => sign(b));
    expect(e.code).toBe('QUOTA_EXCEEDED');
    expect(e.reason).toEqual({
      reason: 'RECRUITMENT_QUOTA_FULL',
      params: { branch: 'KC Madiun', year: 2026, used: 1, quota: 1, signing: true },
    });
    expect(e.message).toBe('Kuota KC Madiun tahun 2026 sudah penuh (1 dari 1 tempat terisi). PKS tidak dapat ditandatangani.');
    expect({ row: rowOf(b), counts: tableCounts() }).toEqual(before);

    send(a, { type: 'WITHDRAW', reasonCode: 'OTHER_JOB', note: '' });
    expect(sign(b).state).toBe('debriefing');
  });
});

describe('replay', () => {
  it('replaying the audit log gives every stored snapshot, and catches a tampered one', () => {
    const a = register('3577015208900001', 'Sri').applicationId;
    const b = register('3577011203850002', 'Budi').applicationId;
    toAgreementSigning(a);
    sign(a);
    send(a, { type: 'COMPLETE_DEBRIEFING', debriefedOn: recordedOn('2026-12-02') });
    send(b, { type: 'BEGIN_ADMIN_CHECK' });
    send(b, { type: 'WITHDRAW', reasonCode: 'HEALTH', note: 'sakit' });
    expect(verifyAuditLog(db.handle)).toEqual({ checked: 3, mismatches: [] }); // 2 applications, 1 contract

    const stored = JSON.parse((rowOf(a) as { snapshot: string }).snapshot);
    stored.context.scores.interview.score = 99;
    db.handle.sqlite.prepare('update applications set snapshot = ? where id = ?').run(JSON.stringify(stored), a);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      { kind: 'application', id: a, reason: 'replayed snapshot differs from the stored one' },
    ]);
  });
});
