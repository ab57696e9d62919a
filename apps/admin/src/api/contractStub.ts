/**
 * TEMPORARY: the `contracts.*` procedures of docs/api-contract.md (issue 4) as types, beside the
 * real router, while the server implements them. Type-only; never imported at run time. Delete
 * once `packages/api/src/root.ts` has `contracts` (then router.ts re-exports the real AppRouter).
 */
import type { AppRouter as Real } from '@kader/api';
import type {
  ContractContext,
  ContractState,
  FeeSchedule,
  FeeStatement,
  FlaggedCollection,
  KpiSettings,
  MonthlyRecord,
  MonthlyRecordInput,
  Scorecard,
} from '@kader/workflow';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';

type ContractCard = {
  id: number;
  revision: number;
  state: ContractState;
  candidateName: string;
  nikMasked: string;
  workArea: string;
  branch: { id: number; name: string; timeZone: string };
  agreementNumber: string;
  startDate: string;
  endDate: string;
  evaluationDueOn: string;
  monthsReported: number;
  recommendation: 'renew' | 'drop' | null;
  score: number | null;
};
type ContractDetail = ContractCard & {
  candidate: { id: number; name: string; nik: string; phone: string; piiMasked: boolean };
  familiesAssigned: number;
  context: ContractContext;
  allowedEvents: string[];
  canDecide: boolean;
  canRecordMonths: boolean;
  chain: { id: number; agreementNumber: string; startDate: string; endDate: string; state: ContractState }[];
  months: { month: string; revision: number; record: MonthlyRecord; onTime: boolean; flags: FlaggedCollection[]; fee: FeeStatement }[];
  scorecard: Scorecard | null;
  kpiSettings: KpiSettings;
  feeSchedule: FeeSchedule;
  history: { seq: number; type: string; payload: unknown; fromState: string | null; toState: string | null; actor: string; at: string }[];
};
type ImportResult = { rows: number; valid: number; imported: number; updated: number; errors: { row: number; column: string; message: string }[] };

declare const real: Real;
const t = initTRPC.create();
const p = t.procedure;
const none = <T,>() => null as unknown as T;
const state = z.custom<ContractState>();

const contracts = t.router({
  list: p
    .input(
      z.object({
        branchId: z.number().optional(),
        workAreaId: z.number().optional(),
        state: state.optional(),
        endingBefore: z.string().optional(),
        search: z.string().optional(),
        page: z.number().optional(),
        pageSize: z.number().optional(),
      }),
    )
    .query(() => none<{ total: number; items: ContractCard[] }>()),
  renewalQueue: p.input(z.object({ branchId: z.number().optional() })).query(() => none<ContractCard[]>()),
  get: p.input(z.object({ id: z.number() })).query(() => none<ContractDetail>()),
  decide: p
    .input(z.object({ id: z.number(), revision: z.number(), decision: z.enum(['renew', 'drop']), reason: z.string() }))
    .mutation(() => none<ContractDetail>()),
  send: p
    .input(z.object({ id: z.number(), revision: z.number(), event: z.looseObject({ type: z.string() }) }))
    .mutation(() => none<ContractDetail>()),
  recordMonth: p
    .input(z.object({ contractId: z.number(), revision: z.number().nullable(), record: z.custom<MonthlyRecordInput>() }))
    .mutation(() => none<ContractDetail>()),
  importMonths: p
    .input(z.object({ branchId: z.number(), csv: z.string(), acceptValidRows: z.boolean(), dryRun: z.boolean() }))
    .mutation(() => none<ImportResult>()),
  agreementPdf: p
    .input(
      z.union([
        z.object({ applicationId: z.number(), paper: z.enum(['A4', 'F4']) }),
        z.object({ contractId: z.number(), paper: z.enum(['A4', 'F4']) }),
      ]),
    )
    .mutation(() => none<{ filename: string; base64: string }>()),
});

const stub = t.router({ ...real._def.record, contracts });
export type AppRouter = typeof stub;
