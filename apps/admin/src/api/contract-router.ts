/**
 * TEMPORARY: a type-only stand-in for `AppRouter` written from docs/api-contract.md, used until
 * packages/api exports the real one. Only `import type` reaches it, so none of it is bundled.
 */
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { EDUCATION_LEVELS, RECRUITMENT_STATES, type RecruitmentContext, type RecruitmentState } from '@kader/workflow';

type KaderErrorData = {
  code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_TRANSITION' | 'QUOTA_EXCEEDED' | 'VALIDATION' | 'FORBIDDEN';
  message: string;
  fields?: { path: string; message: string }[];
  allowedEvents?: string[];
};

const t = initTRPC.create({
  errorFormatter: ({ shape }) => ({ ...shape, data: { ...shape.data, kader: null as KaderErrorData | null } }),
});

type Period = {
  id: number;
  year: number;
  quota: number;
  quotaUsed: number;
  branch: { id: number; code: string; name: string; timeZone: string };
  workAreas: { id: number; name: string }[];
  writtenTestGrade: number;
  interviewGrade: number;
};
type Schedule = { date: string; time: string; place: string };
type BoardCard = {
  id: number;
  candidateName: string;
  nikMasked: string;
  workArea: string;
  state: RecruitmentState;
  stateEnteredAt: string;
  schedule: Schedule | null;
};
type Board = { columns: { state: RecruitmentState; total: number; page: number; pageSize: number; items: BoardCard[] }[] };
type Address = { street: string; rtRw: string; village: string; district: string; regency: string };
type ApplicationDetail = {
  id: number;
  revision: number;
  state: RecruitmentState;
  stateEnteredAt: string;
  machine: { id: 'recruitment'; version: number };
  period: Period;
  workArea: { id: number; name: string };
  candidate: {
    id: number;
    nik: string;
    name: string;
    phone: string;
    education: string;
    birthDate: string;
    sex: 'M' | 'F';
    address: Address;
  };
  context: RecruitmentContext;
  allowedEvents: string[];
  history: {
    seq: number;
    type: string;
    payload: unknown;
    fromState: string | null;
    toState: string | null;
    actor: string;
    at: string;
  }[];
  earlierApplications: { id: number; year: number; branchName: string; state: RecruitmentState }[];
};

const address = z.object({ street: z.string(), rtRw: z.string(), village: z.string(), district: z.string(), regency: z.string() });
const stateEnum = z.enum(RECRUITMENT_STATES);

const router = t.router({
  health: t.procedure.query(() => ({ ok: true as const })),
  periods: t.router({ list: t.procedure.query((): Period[] => []) }),
  candidates: t.router({
    register: t.procedure
      .input(
        z.object({
          periodId: z.number(),
          workAreaId: z.number(),
          candidate: z.object({
            nik: z.string(),
            name: z.string(),
            phone: z.string(),
            education: z.enum(EDUCATION_LEVELS),
            address,
          }),
        }),
      )
      .mutation((): { applicationId: number; candidateId: number } => ({ applicationId: 0, candidateId: 0 })),
  }),
  applications: t.router({
    board: t.procedure
      .input(
        z.object({
          periodId: z.number(),
          workAreaId: z.number().optional(),
          search: z.string().optional(),
          pages: z.partialRecord(stateEnum, z.number()).optional(),
          pageSize: z.number().optional(),
        }),
      )
      .query((): Board => ({ columns: [] })),
    get: t.procedure.input(z.object({ id: z.number() })).query((): ApplicationDetail => null as never),
    send: t.procedure
      .input(z.object({ id: z.number(), revision: z.number(), event: z.looseObject({ type: z.string() }) }))
      .mutation((): ApplicationDetail => null as never),
  }),
});

export type ContractRouter = typeof router;
