import {
  appendAudit,
  findBranchByCode,
  findPeriod,
  getBranch,
  getPeriod,
  insertBranch,
  insertPeriod,
  insertWorkArea,
  setPeriodQuota,
  setPeriodRules,
} from '@kader/db';
import { DEFAULT_RECRUITMENT_RULES, recruitmentRulesSchema } from '@kader/workflow';
import { z } from 'zod';
import type { Context } from '../context';
import { parseAgreementNumberPattern } from '../documents';
import { DomainError } from '../errors';
import { placesTaken } from './quota';
import { periodView } from './views';

/** The zones Indonesia's branches are in: WIB, WITA, WIT. */
export const BRANCH_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export const createBranchSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^KC-[A-Z0-9]{2,10}$/, 'Kode kantor cabang berformat KC-XXX'),
  name: z.string().trim().min(3, 'Nama kantor cabang wajib diisi').max(100),
  timeZone: z.enum(BRANCH_TIME_ZONES, { message: 'Pilih zona waktu: WIB, WITA atau WIT' }),
  workAreas: z
    .array(z.string().trim().min(3, 'Nama wilayah kerja wajib diisi').max(100))
    .min(1, 'Paling sedikit satu wilayah kerja (kabupaten/kota)'),
  /**
   * The branch's numbering of agreements, parsed here so a malformed one never reaches a signing
   * (without exactly one running number every number would be the same string). Each problem is
   * its own message on this field.
   */
  agreementNumberPattern: z
    .string()
    .trim()
    .optional()
    .superRefine((p, ctx) => {
      if (p === undefined) return;
      const parsed = parseAgreementNumberPattern(p);
      if (parsed.ok) return;
      for (const problem of parsed.problems) ctx.addIssue({ code: 'custom', message: `Pola nomor PKS tidak valid: ${problem}` });
    }),
});

export const setQuotaSchema = z.object({
  branchId: z.number().int().positive(),
  year: z.number().int().min(2017, 'Program Kader JKN dimulai 2017').max(2100),
  quota: z.number().int().min(0, 'Kuota tidak boleh negatif').max(10_000),
});

const actor = (ctx: Context) => ctx.principal?.username ?? 'sistem';

/** Head office opens a branch office with its work area (regencies and cities). */
export function createBranch({ ctx, input }: { ctx: Context; input: z.output<typeof createBranchSchema> }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    if (findBranchByCode(tx, input.code)) {
      throw new DomainError('VALIDATION', `Kode ${input.code} sudah dipakai.`, {
        fields: [{ path: 'code', message: 'Kode sudah dipakai' }],
      });
    }
    const branch = insertBranch(tx, {
      code: input.code,
      name: input.name,
      timeZone: input.timeZone,
      ...(input.agreementNumberPattern ? { agreementNumberPattern: input.agreementNumberPattern } : {}),
    });
    for (const name of new Set(input.workAreas)) insertWorkArea(tx, { branchId: branch.id, name });
    appendAudit(tx, { entityType: 'branch', entityId: branch.id, type: 'BRANCH_CREATED', payload: input, actor: actor(ctx), at });
    return { id: branch.id, code: branch.code, name: branch.name, timeZone: branch.timeZone };
  });
}

/**
 * Head office sets a branch's cadre places for a year: opens the year's recruitment period (with
 * the programme's default rules) or changes its quota — never below the places already taken.
 */
export function setQuota({ ctx, input }: { ctx: Context; input: z.output<typeof setQuotaSchema> }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction(
    (tx) => {
      if (!getBranch(tx, input.branchId)) throw new DomainError('NOT_FOUND', 'Kantor cabang tidak ditemukan.');
      const existing = findPeriod(tx, input.branchId, input.year);
      let periodId: number;
      if (existing) {
        const used = placesTaken(tx, input.branchId, input.year);
        if (input.quota < used) {
          const msg = `Sudah ${used} tempat terisi tahun ${input.year}; kuota tidak boleh kurang dari itu.`;
          throw new DomainError('VALIDATION', msg, { fields: [{ path: 'quota', message: msg }] });
        }
        setPeriodQuota(tx, existing.id, input.quota);
        periodId = existing.id;
      } else {
        periodId = insertPeriod(tx, { ...input, rules: DEFAULT_RECRUITMENT_RULES }).id;
      }
      appendAudit(tx, {
        entityType: 'period',
        entityId: periodId,
        type: 'QUOTA_SET',
        payload: { year: input.year, quota: input.quota, before: existing?.quota ?? null },
        actor: actor(ctx),
        at,
      });
      return periodView(tx, getPeriod(tx, periodId)!);
    },
    { behavior: 'immediate' },
  );
}

export const setRulesSchema = z.object({ periodId: z.number().int().positive(), rules: recruitmentRulesSchema });

/**
 * Head office sets a period's passing grades, required documents and eligibility. Applications
 * already registered keep the rules they started under (they are in their machine context);
 * only later registrations use the new ones.
 */
export function setPeriodRulesVerb({ ctx, input }: { ctx: Context; input: z.output<typeof setRulesSchema> }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    const period = getPeriod(tx, input.periodId);
    if (!period) throw new DomainError('NOT_FOUND', 'Periode rekrutmen tidak ditemukan.');
    if (!input.rules.documents.some((d) => d.required)) {
      const msg = 'Paling sedikit satu berkas wajib';
      throw new DomainError('VALIDATION', msg, { fields: [{ path: 'rules.documents', message: msg }] });
    }
    setPeriodRules(tx, period.id, input.rules);
    appendAudit(tx, {
      entityType: 'period',
      entityId: period.id,
      type: 'RULES_SET',
      payload: { rules: input.rules, before: period.rules },
      actor: actor(ctx),
      at,
    });
    return periodView(tx, getPeriod(tx, period.id)!);
  });
}
