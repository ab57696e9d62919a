/**
 * TEMPORARY: docs/api-contract.md as types, while @kader/api is being rewritten for issue 3.
 * Type-only; never imported at run time. Delete once `packages/api/src/root.ts` has `auth`.
 */
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import type { RecruitmentContext, RecruitmentState } from '@kader/workflow';

type Branch = { id: number; code: string; name: string; timeZone: string };
type Role = 'recruiter' | 'supervisor' | 'viewer' | 'admin';
type Me = { id: number; username: string; name: string; role: Role; branch: Branch | null; mustChangePassword: boolean };
type UserRow = Me & { disabled: boolean; lastLoginAt: string | null; createdAt: string };
type Period = {
  id: number; year: number; quota: number; quotaUsed: number; branch: Branch;
  workAreas: { id: number; name: string }[]; writtenTestGrade: number; interviewGrade: number;
};
type Address = { street: string; rtRw: string; village: string; district: string; regency: string };
type Schedule = { date: string; time: string; place: string };
type BoardCard = { id: number; candidateName: string; nikMasked: string; workArea: string; state: RecruitmentState; stateEnteredAt: string; schedule: Schedule | null };
type Board = { columns: { state: RecruitmentState; total: number; page: number; pageSize: number; items: BoardCard[] }[] };
type Detail = {
  id: number; revision: number; state: RecruitmentState; stateEnteredAt: string;
  machine: { id: 'recruitment'; version: number };
  period: Period; workArea: { id: number; name: string };
  candidate: { id: number; revision: number; piiMasked: boolean; nik: string; name: string; phone: string; education: string; birthDate: string; sex: 'M' | 'F'; address: Address };
  context: RecruitmentContext;
  allowedEvents: string[];
  canEditCandidate: boolean;
  history: { seq: number; type: string; payload: unknown; fromState: string | null; toState: string | null; actor: string; at: string }[];
  earlierApplications: { id: number; year: number; branchName: string; state: RecruitmentState }[];
};
type RegisterInput = {
  periodId: number; workAreaId: number;
  candidate: { nik: string; name: string; phone: string; education: 'SD' | 'SMP' | 'SMA' | 'SMK' | 'MA' | 'PAKET_C' | 'D3' | 'S1' | 'S2'; address: Address };
};
type BoardInput = { periodId: number; workAreaId?: number; search?: string; pages?: Partial<Record<RecruitmentState, number>>; pageSize?: number };

const t = initTRPC.create();
const p = t.procedure;
const role = z.enum(['recruiter', 'supervisor', 'viewer', 'admin']);
const address = z.object({ street: z.string(), rtRw: z.string(), village: z.string(), district: z.string(), regency: z.string() });
const none = <T,>() => null as unknown as T;

const stub = t.router({
  health: p.query(() => ({ ok: true as const, demo: false as boolean })),
  periods: t.router({ list: p.query(() => none<Period[]>()) }),
  auth: t.router({
    login: p.input(z.object({ username: z.string(), password: z.string() })).mutation(() => ({ user: none<Me>() })),
    logout: p.mutation(() => ({ ok: true as const })),
    me: p.query(() => ({ user: none<Me>() })),
    changePassword: p.input(z.object({ currentPassword: z.string(), newPassword: z.string() })).mutation(() => ({ ok: true as const })),
  }),
  branches: t.router({ list: p.query(() => none<Branch[]>()) }),
  users: t.router({
    list: p.query(() => none<UserRow[]>()),
    create: p
      .input(z.object({ username: z.string(), name: z.string(), role, branchId: z.number().nullable(), password: z.string() }))
      .mutation(() => none<UserRow>()),
    update: p
      .input(z.object({ id: z.number(), name: z.string().optional(), role: role.optional(), branchId: z.number().nullable().optional() }))
      .mutation(() => none<UserRow>()),
    setDisabled: p.input(z.object({ id: z.number(), disabled: z.boolean() })).mutation(() => none<UserRow>()),
    resetPassword: p.input(z.object({ id: z.number(), newPassword: z.string() })).mutation(() => ({ ok: true as const })),
  }),
  candidates: t.router({
    register: p.input(z.custom<RegisterInput>()).mutation(() => ({ applicationId: 0, candidateId: 0 })),
    update: p
      .input(z.object({ id: z.number(), revision: z.number(), reason: z.string(), name: z.string(), phone: z.string(), nik: z.string(), address }))
      .mutation(() => ({ id: 0, revision: 0 })),
  }),
  applications: t.router({
    board: p.input(z.custom<BoardInput>()).query(() => none<Board>()),
    get: p.input(z.object({ id: z.number() })).query(() => none<Detail>()),
    send: p
      .input(z.object({ id: z.number(), revision: z.number(), event: z.looseObject({ type: z.string() }) }))
      .mutation(() => none<Detail>()),
  }),
});

export type AppRouter = typeof stub;
