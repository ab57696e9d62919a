import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findContractByApplication,
  findUserByUsername,
  type ContractRow,
  insertBranch,
  insertPeriod,
  insertWorkArea,
  migrateDatabase,
  openDatabase,
  type DbHandle,
} from '@kader/db';
import { principalOf } from '../src/auth/principal';
import { DEFAULT_RECRUITMENT_RULES, registerCandidateSchema } from '@kader/workflow';
import { inject } from 'vitest';
import { systemContext, type Context } from '../src/context';
import { getApplication } from '../src/services/getApplication';
import { registerCandidate } from '../src/services/registerCandidate';
import { sendApplicationEvent } from '../src/services/sendApplicationEvent';

/** A real SQLite file in a temp folder, made by `lay(file)`; removed by `cleanup`. */
function databaseIn(lay: (file: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'kader-api-'));
  const file = join(dir, 'kader.db');
  lay(file);
  const handle = openDatabase(file);
  migrateDatabase(handle);
  return {
    handle,
    file,
    cleanup: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An empty database, migrated. */
export const tempDatabase = () => databaseIn(() => {});

/**
 * A copy of the demo data seeded once for the whole run (demoTemplate.ts): as of 2026-11-23
 * (`fixed`, what `seedDemo(handle, { today: '2026-11-23' })` gives) or as of today.
 */
export const seededDatabase = (kind: 'fixed' | 'today' = 'fixed') =>
  databaseIn((file) => copyFileSync(inject('demoTemplates')[kind], file));

/** A clock that only moves when told to: 23 Nov 2026, 09.00 WIB. */
export function fixedClock(start = '2026-11-23T02:00:00.000Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** Acting as the system (every branch): for tests of the workflow itself, not of permissions. */
export function contextFor(handle: DbHandle, now: () => Date, actor = 'rekruter-uji'): Context {
  return systemContext(handle, now, actor);
}

/** One branch with two work areas and a 2026 period with the given quota. */
export function seedBranch(handle: DbHandle, quota = 2) {
  const branch = insertBranch(handle.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
  const area = insertWorkArea(handle.db, { branchId: branch.id, name: 'Kota Madiun', regionCode: '35.77' });
  const other = insertWorkArea(handle.db, { branchId: branch.id, name: 'Kabupaten Ngawi', regionCode: '35.21' });
  const period = insertPeriod(handle.db, { branchId: branch.id, year: 2026, quota, rules: DEFAULT_RECRUITMENT_RULES });
  return { branch, area, other, period };
}

export function candidateInput(periodId: number, workAreaId: number, nik = '3577015208900001', name = 'Sri Rahayu') {
  return {
    periodId,
    workAreaId,
    candidate: {
      nik,
      name,
      phone: '0812-3456-7890',
      education: 'SMA' as const,
      address: {
        street: 'Jl. Pahlawan 12',
        rtRw: '003/004',
        village: 'Kartoharjo',
        district: 'Kartoharjo',
        regency: 'Kota Madiun',
      },
    },
  };
}

export const REQUIRED_DOCS = DEFAULT_RECRUITMENT_RULES.documents.filter((d) => d.required).map((d) => d.code);

/** A signed-in user's context, as the HTTP layer builds it from a session. */
export function userContext(handle: DbHandle, username: string, now: () => Date = () => new Date()): Context {
  const user = findUserByUsername(handle.db, username);
  if (!user) throw new Error(`no user ${username}`);
  return { ...systemContext(handle, now), principal: principalOf(user), clientAddress: 'test' };
}

/** The demo seed's KC Madiun period of 2026 (ids depend on the seed's order, so look it up). */
export function madiun2026(handle: DbHandle): number {
  const row = handle.sqlite
    .prepare(
      "select p.id from recruitment_periods p join branches b on b.id = p.branch_id where b.code = 'KC-MDN' and p.year = 2026",
    )
    .get() as { id: number };
  return row.id;
}

type Clock = ReturnType<typeof fixedClock>;

/**
 * Moves the clock on to 09.00 WIB of `date` unless it already stands later, and gives the date an
 * event recorded now carries: `date`, or today for a cadre registered after it (the date rules
 * refuse a signing or debriefing dated after the day it is recorded, or before the registration).
 */
export function recordedOnAt(clock: Clock, date: string): string {
  const ms = Date.parse(`${date}T02:00:00.000Z`) - clock.now().getTime();
  if (ms > 0) clock.advance(ms);
  return clock.now().toISOString().slice(0, 10);
}

/** Registers `nik` into the period and passes selection up to the signing stage; `send` moves it on. */
export function toSigningStage(ctx: Context, periodId: number, workAreaId: number, nik: string) {
  const { applicationId: id } = registerCandidate({
    ctx,
    input: registerCandidateSchema.parse(candidateInput(periodId, workAreaId, nik)),
  });
  const send = (event: Record<string, unknown>) =>
    sendApplicationEvent({ ctx, input: { id, revision: getApplication({ ctx, input: { id } }).revision, event } });
  send({ type: 'BEGIN_ADMIN_CHECK' });
  for (const document of REQUIRED_DOCS) send({ type: 'VERIFY_DOCUMENT', document });
  send({ type: 'COMPLETE_ADMIN_CHECK' });
  send({ type: 'RECORD_WRITTEN_TEST_SCORE', score: 80 });
  send({ type: 'RECORD_INTERVIEW_SCORE', score: 80 });
  return { id, send };
}

/**
 * A month's report as a supervisor records it, at `q` times the default targets (500 families
 * visited, 600 visits, Rp10,000,000 collected at 5 months' arrears), delivered on the 28th, both
 * meetings attended.
 */
export const monthInput = (m: string, q = 1) => ({
  month: m,
  familiesVisited: Math.round(500 * q),
  visits: Math.round(600 * q),
  collections: [{ arrearsMonths: 5, amount: Math.round(10_000_000 * q) }],
  reportDeliveredOn: `${m}-28`,
  meetingsHeld: 2,
  meetingsAttended: 2,
});

/**
 * An active cadre of the seeded branch's 2026 period: signed `PKS/<last 3 of NIK>/KC-MDN/2026` on
 * 20 March and debriefed on the 25th (or on the clock's day, if it stands later), starting `start`,
 * in the seeded work area unless told another (`areaId`).
 */
export function recruitCadre(
  handle: DbHandle,
  ctx: Context,
  clock: Clock,
  ids: ReturnType<typeof seedBranch>,
  nik = '3577015208900001',
  start = '2026-04-01',
  areaId = ids.area.id,
): ContractRow {
  const { id, send } = toSigningStage(ctx, ids.period.id, areaId, nik);
  send({
    type: 'SIGN_AGREEMENT',
    agreementNumber: `PKS/${nik.slice(-3)}/KC-MDN/2026`,
    signedOn: recordedOnAt(clock, '2026-03-20'),
    startDate: start,
  });
  send({ type: 'COMPLETE_DEBRIEFING', debriefedOn: recordedOnAt(clock, '2026-03-25') });
  const contract = findContractByApplication(handle.db, id);
  if (!contract) throw new Error('no contract started');
  return contract;
}
