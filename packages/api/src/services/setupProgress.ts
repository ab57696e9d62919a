import { type BranchSetupRow, getBranchSetup, listAdminNames, listBranchSetup } from '@kader/db';
import { dateInZone } from '@kader/workflow';
import { requirePrincipal } from '../auth/guard';
import type { Context } from '../context';

/** The first steps head office takes for a branch, in the order they can be taken. */
const SETUP_STEPS = ['branch', 'period', 'users'] as const;
type SetupStep = (typeof SETUP_STEPS)[number];

type BranchProgress = {
  id: number;
  code: string;
  name: string;
  /** each step done or not for this branch */
  done: Record<SetupStep, boolean>;
  /** which of its users are still missing (the users step) */
  missingRoles: ('recruiter' | 'supervisor')[];
};

/**
 * A branch's steps: its work areas; a period of this year or a later one (in the branch's zone)
 * with both registration dates — a past year's period does not open this year's registration; an
 * enabled recruiter and supervisor.
 */
function branchProgress(row: BranchSetupRow, now: Date): BranchProgress {
  const thisYear = Number(dateInZone(now, row.timeZone).slice(0, 4));
  const missingRoles: BranchProgress['missingRoles'] = [];
  if (row.recruiters === 0) missingRoles.push('recruiter');
  if (row.supervisors === 0) missingRoles.push('supervisor');
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    done: {
      branch: row.workAreas > 0,
      period: row.latestDatedYear !== null && row.latestDatedYear >= thisYear,
      users: missingRoles.length === 0,
    },
    missingRoles,
  };
}

/**
 * What comes first on an empty installation, read-only and in one or two statements whatever the
 * number of branches.
 *
 * Head office (admins): each step with whether it is done for every branch (the first: at least one
 * branch with its work areas), each branch's own ticks, and the step to take next.
 * Anyone else: their own branch only (a head-office viewer: any branch) — whether it has this year's period and, when it has not, the
 * names of the head-office admins to ask (names only). Another branch is never mentioned.
 */
export function setupProgress({ ctx }: { ctx: Context }) {
  const principal = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const now = ctx.now();
  if (principal.kind === 'system' || principal.role === 'admin') {
    const branches = listBranchSetup(db).map((row) => branchProgress(row, now));
    const steps = SETUP_STEPS.map((step) => ({
      step,
      // the first step is done once one branch can take candidates; the others for every branch
      done: step === 'branch' ? branches.some((b) => b.done.branch) : branches.length > 0 && branches.every((b) => b.done[step]),
    }));
    return {
      kind: 'headOffice' as const,
      steps,
      next: steps.find((s) => !s.done)?.step ?? null,
      branches,
    };
  }
  // a head-office viewer reads every branch: any branch's period is theirs to see
  const rows = principal.branchId === null ? listBranchSetup(db) : [getBranchSetup(db, principal.branchId)];
  const hasPeriod = rows.some((row) => row !== undefined && branchProgress(row, now).done.period);
  return {
    kind: 'branch' as const,
    hasPeriod,
    askAdmins: hasPeriod ? [] : listAdminNames(db),
  };
}
