import { findUserByUsername } from '@kader/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type Context } from '../src/context';
import { DEFAULT_RECRUITMENT_RULES } from '@kader/workflow';
import { appRouter, createCaller, DEMO_PASSWORD } from '../src/index';
import { createCallerFactory, router, signedInProcedure } from '../src/trpc';
import { seededDatabase, userContext } from './helpers';

/**
 * The permission matrix: every procedure of the router, called by every kind of user, against the
 * Madiun branch's records. `allow` means the call got past access control (it may still fail on
 * its input, e.g. a stale revision); `deny` means UNAUTHORIZED, FORBIDDEN, or NOT_FOUND for a
 * record of a branch the user may not see.
 */
const ACTORS = ['anonymous', 'recruiter', 'supervisor', 'viewer', 'viewerHO', 'admin', 'otherRecruiter'] as const;
type Actor = (typeof ACTORS)[number];
const USERNAME: Record<Exclude<Actor, 'anonymous'>, string> = {
  recruiter: 'rekruter.madiun',
  supervisor: 'penyelia.madiun',
  viewer: 'pimpinan.madiun',
  viewerHO: 'pemantau.pusat',
  admin: 'admin.pusat',
  otherRecruiter: 'rekruter.makassar',
};

const A = 'allow' as const;
const D = 'deny' as const;
const everyone = [A, A, A, A, A, A, A];
const signedIn = [D, A, A, A, A, A, A];
const readers = [D, A, A, A, A, A, D];
const selection = [D, A, A, D, D, D, D];
const supervisorOnly = [D, D, A, D, D, D, D];
const adminOnly = [D, D, D, D, D, A, D];

const EXPECTED: Record<string, readonly ('allow' | 'deny')[]> = {
  health: everyone,
  'auth.login': everyone,
  'auth.logout': signedIn,
  'auth.me': signedIn,
  'auth.changePassword': signedIn,
  'branches.list': signedIn,
  'branches.create': adminOnly,
  'branches.workAreas': readers,
  'branches.setWorkAreaRegion': adminOnly,
  'periods.setQuota': adminOnly,
  'periods.setRules': adminOnly,
  'periods.list': signedIn,
  'periods.setRegistrationWindow': adminOnly,
  'periods.setChannels': [D, A, A, D, D, A, D],
  'periods.setAreaQuotas': [D, A, A, D, D, A, D],
  'candidates.register': selection,
  'candidates.update': supervisorOnly,
  'candidates.revealNik': selection,
  'candidates.importCsv': selection,
  'candidates.importTemplate': selection,
  'applications.board': readers,
  'applications.get': readers,
  'applications.history': readers,
  'applications.path': readers,
  'applications.send': selection,
  'users.list': adminOnly,
  'users.create': adminOnly,
  'users.update': adminOnly,
  'users.setDisabled': adminOnly,
  'users.resetPassword': adminOnly,
  'contracts.list': signedIn, // branch-scoped: another branch's user gets their own (empty) list
  'contracts.renewalQueue': signedIn,
  'contracts.get': readers,
  'contracts.decide': supervisorOnly,
  'contracts.send': selection,
  'contracts.recordMonth': selection,
  'contracts.importMonths': selection,
  'contracts.importTemplate': signedIn,
  'contracts.agreementPdf': selection,
  'settings.list': signedIn,
  'settings.add': adminOnly,
  'regions.search': signedIn,
  'regions.chain': signedIn,
  'setup.progress': signedIn, // head office: every branch; a branch user: their own only
  'reports.funnel': signedIn, // head office: every branch; a branch user: their own only
  'reports.fees': signedIn, // head office: every branch; a branch user: their own only
  'reports.targets': signedIn, // head office: every branch; a branch user: their own only
  'reports.cadres': signedIn, // head office: every branch; a branch user: their own only
  'reports.renewals': signedIn, // head office: every branch; a branch user: their own only
  'reports.areas': signedIn, // the work areas with a region code the user may narrow a report to
};

let db: ReturnType<typeof seededDatabase>;
let madiun: {
  periodId: number;
  areaId: number;
  applicationId: number;
  candidateId: number;
  viewerId: number;
  contractId: number;
  branchId: number;
};
let serial = 0;

beforeAll(async () => {
  db = seededDatabase();
  const q = <T>(sql: string) => db.handle.sqlite.prepare(sql).get() as T;
  const period = q<{ id: number }>(
    "select p.id from recruitment_periods p join branches b on b.id = p.branch_id where b.code = 'KC-MDN' and p.year = 2026",
  );
  const area = q<{ id: number }>(
    "select w.id from work_areas w join branches b on b.id = w.branch_id where b.code = 'KC-MDN' limit 1",
  );
  const app = q<{ id: number; candidate_id: number }>(
    `select id, candidate_id from applications where period_id = ${period.id} and state = 'registered' limit 1`,
  );
  madiun = {
    periodId: period.id,
    areaId: area.id,
    applicationId: app.id,
    candidateId: app.candidate_id,
    viewerId: findUserByUsername(db.handle.db, 'pimpinan.madiun')!.id,
    branchId: q<{ id: number }>("select id from branches where code = 'KC-MDN'").id,
    contractId: q<{ id: number }>(
      "select c.id from contracts c join branches b on b.id = c.branch_id where b.code = 'KC-MDN' limit 1",
    ).id,
  };
});
afterAll(() => db.cleanup());

function contextOf(actor: Actor): Context {
  if (actor !== 'anonymous') return userContext(db.handle, USERNAME[actor]);
  return { ...systemContext(db.handle), principal: null };
}

/** One call per procedure, with input that would succeed or fail only on its content. */
function call(c: ReturnType<typeof createCaller>, path: string): Promise<unknown> {
  const nik = `35770112038${String(5000 + ++serial).padStart(5, '0')}`;
  const address = { street: 'Jl. A', rtRw: '001/001', village: 'V', district: 'D', regency: 'R' };
  switch (path) {
    case 'health':
      return c.health();
    case 'auth.login':
      return c.auth.login({ username: 'rekruter.madiun', password: DEMO_PASSWORD });
    case 'auth.logout':
      return c.auth.logout();
    case 'auth.me':
      return c.auth.me();
    case 'auth.changePassword':
      return c.auth.changePassword({ currentPassword: 'bukan-ini', newPassword: 'kata-sandi-baru-1' });
    case 'branches.list':
      return c.branches.list();
    case 'branches.create':
      return c.branches.create({ code: 'KC-MDN', name: 'KC Madiun Dup', timeZone: 'Asia/Jakarta', workAreas: ['Kota Madiun'] });
    case 'branches.workAreas':
      return c.branches.workAreas({ branchId: madiun.branchId });
    case 'branches.setWorkAreaRegion':
      // a stale revision: past access control, refused on content (CONFLICT), nothing written
      return c.branches.setWorkAreaRegion({ workAreaId: madiun.areaId, revision: 999, regionCode: '35.77' });
    case 'periods.setQuota':
      return c.periods.setQuota({ branchId: 1, year: 2027, quota: 12 });
    case 'periods.setRules':
      return c.periods.setRules({ periodId: madiun.periodId, rules: DEFAULT_RECRUITMENT_RULES });
    case 'periods.list':
      return c.periods.list();
    // a stale revision: past access control, refused on content (CONFLICT), nothing written
    case 'periods.setRegistrationWindow':
      return c.periods.setRegistrationWindow({
        periodId: madiun.periodId,
        revision: 999,
        year: 2026,
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
      });
    case 'periods.setChannels':
      return c.periods.setChannels({ periodId: madiun.periodId, revision: 999, channels: ['BANNER'] });
    case 'periods.setAreaQuotas':
      return c.periods.setAreaQuotas({ periodId: madiun.periodId, revision: 999, areas: [] });
    case 'candidates.register':
      return c.candidates.register({
        periodId: madiun.periodId,
        workAreaId: madiun.areaId,
        candidate: { nik, name: 'Calon Matriks', phone: '081234567890', education: 'SMA', address },
      });
    case 'candidates.importCsv':
      return c.candidates.importCsv({ periodId: madiun.periodId, csv: 'nik\n', acceptValidRows: false, dryRun: true });
    case 'candidates.importTemplate':
      return c.candidates.importTemplate({ periodId: madiun.periodId });
    case 'candidates.update':
      return c.candidates.update({
        id: madiun.candidateId,
        revision: 999,
        reason: 'uji matriks',
        name: 'X',
        phone: '081234567890',
        nik,
        address,
      });
    case 'candidates.revealNik':
      return c.candidates.revealNik({ candidateId: madiun.candidateId });
    case 'applications.board':
      return c.applications.board({ periodId: madiun.periodId });
    case 'applications.get':
      return c.applications.get({ id: madiun.applicationId });
    case 'applications.history':
      return c.applications.history({ id: madiun.applicationId, limit: 5 });
    case 'applications.path':
      return c.applications.path({ id: madiun.applicationId });
    case 'applications.send':
      return c.applications.send({ id: madiun.applicationId, revision: 999, event: { type: 'BEGIN_ADMIN_CHECK' } });
    case 'users.list':
      return c.users.list();
    case 'users.create':
      return c.users.create({
        username: 'admin.pusat',
        name: 'Dup',
        role: 'viewer',
        branchId: null,
        password: 'kata-sandi-baru-1',
      });
    case 'users.update':
      return c.users.update({ id: madiun.viewerId, name: 'Kepala KC Madiun' });
    case 'users.setDisabled':
      return c.users.setDisabled({ id: madiun.viewerId, disabled: false });
    case 'users.resetPassword':
      return c.users.resetPassword({ id: madiun.viewerId, newPassword: 'kata-sandi-baru-1' });
    case 'contracts.list':
      return c.contracts.list({});
    case 'contracts.renewalQueue':
      return c.contracts.renewalQueue({});
    case 'contracts.get':
      return c.contracts.get({ id: madiun.contractId });
    case 'contracts.decide':
      return c.contracts.decide({ id: madiun.contractId, revision: 999, decision: 'renew', reason: 'kinerja baik sekali' });
    case 'contracts.send':
      return c.contracts.send({
        id: madiun.contractId,
        revision: 999,
        event: { type: 'RESIGN', date: '2026-12-01', reasonCode: 'HEALTH' },
      });
    case 'contracts.recordMonth':
      return c.contracts.recordMonth({ contractId: madiun.contractId, revision: 999, record: { month: '2026-12' } });
    case 'contracts.importMonths':
      return c.contracts.importMonths({ branchId: madiun.branchId, csv: '', acceptValidRows: false, dryRun: true });
    case 'contracts.importTemplate':
      return c.contracts.importTemplate();
    case 'contracts.agreementPdf':
      return c.contracts.agreementPdf({ contractId: madiun.contractId, paper: 'A4' });
    case 'settings.list':
      return c.settings.list();
    case 'settings.add':
      return c.settings.add({ kind: 'fee', value: { effectiveFrom: '2020-01-01' } });
    case 'regions.search':
      return c.regions.search({ level: 'regency', query: 'madiun', limit: 5 });
    case 'regions.chain':
      return c.regions.chain({ code: '35.77' });
    case 'setup.progress':
      return c.setup.progress();
    case 'reports.funnel':
      return c.reports.funnel({ fromYear: 2026, toYear: 2026 });
    case 'reports.fees':
      return c.reports.fees({ fromYear: 2026, toYear: 2026 });
    case 'reports.targets':
      return c.reports.targets({ fromYear: 2026, toYear: 2026 });
    case 'reports.cadres':
      return c.reports.cadres({ fromYear: 2026, toYear: 2026 });
    case 'reports.renewals':
      return c.reports.renewals({ fromYear: 2026, toYear: 2026 });
    case 'reports.areas':
      return c.reports.areas({});
    default:
      throw new Error(`no call for ${path}: add it here and to EXPECTED`);
  }
}

/** Refusals of access control, and another branch's record (NOT_FOUND). */
const DENIED = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'];
/** The codes a DomainError on its content maps to (errors.ts): the call got past access control. */
const REFUSED_ON_CONTENT = ['BAD_REQUEST', 'CONFLICT', 'UNPROCESSABLE_CONTENT', 'PRECONDITION_FAILED', 'TOO_MANY_REQUESTS'];

/**
 * Strict: a crash (INTERNAL_SERVER_ERROR) or any code no domain refusal produces is a failure of the
 * test naming the procedure and the principal, never an "allow" — else a procedure that breaks for
 * every caller would look open to all of them.
 */
async function classify(actor: Actor, path: string, run: () => Promise<unknown>): Promise<'allow' | 'deny'> {
  try {
    await run();
    return 'allow';
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    if (DENIED.includes(e.code)) return 'deny';
    if (REFUSED_ON_CONTENT.includes(e.code)) return 'allow';
    throw new Error(`${path} called by ${actor} failed with ${e.code}: ${e.message}`, { cause: e });
  }
}

function outcome(actor: Actor, path: string): Promise<'allow' | 'deny'> {
  return classify(actor, path, () => call(createCaller(contextOf(actor)), path));
}

describe('permission matrix', () => {
  it('covers every procedure of the router, and each declares who may call it', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: unknown } } }>;
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [path, proc] of Object.entries(procedures)) expect(proc._def.meta?.access, path).toBeDefined();
  });

  it('a procedure that crashes fails the matrix, naming the procedure and the principal', async () => {
    // Built on the same middleware chain as every procedure of the router, so the crash reaches the
    // matrix exactly as a broken service would.
    const broken = router({
      boom: signedInProcedure.query(() => {
        throw new Error('kaput');
      }),
    });
    const caller = createCallerFactory(broken)(contextOf('recruiter'));
    // The server logs the crash ("[kader] unexpected error ... kaput") on stderr: that line is expected.
    await expect(classify('recruiter', 'boom', () => caller.boom())).rejects.toThrow(
      /^boom called by recruiter failed with INTERNAL_SERVER_ERROR/,
    );
    // Refusals still classify as before.
    const refuse = createCallerFactory(broken)(contextOf('anonymous'));
    await expect(classify('anonymous', 'boom', () => refuse.boom())).resolves.toBe('deny');
  });

  it.each(Object.keys(EXPECTED))('%s', async (path) => {
    const got: Record<string, string> = {};
    for (const actor of ACTORS) got[actor] = await outcome(actor, path);
    const want = Object.fromEntries(ACTORS.map((a, i) => [a, EXPECTED[path]![i]]));
    expect(got).toEqual(want);
  });

  it('a recruiter may not send a correction; the branch supervisor may', async () => {
    const failed = db.handle.sqlite
      .prepare(`select id, revision from applications where state = 'rejected' and period_id = ${madiun.periodId} limit 1`)
      .get() as { id: number; revision: number };
    const send = (actor: Actor) =>
      createCaller(contextOf(actor)).applications.send({
        id: failed.id,
        revision: failed.revision,
        event: { type: 'REOPEN', reason: 'salah input wawancara' },
      });
    await expect(send('recruiter')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reopened = await send('supervisor');
    expect(reopened.state).toBe('interview');
    const { entries } = await createCaller(contextOf('supervisor')).applications.history({ id: failed.id, limit: 1 });
    expect(entries).toMatchObject([{ type: 'REOPEN', actor: 'penyelia.madiun' }]);
  });
});
