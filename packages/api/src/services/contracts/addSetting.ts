import { appendAudit, insertProgramSetting, listProgramSettings } from '@kader/db';
import { dateInZone, feeScheduleSchema, fieldMsg, kpiSettingsSchema, msg } from '@kader/workflow';
import { z } from 'zod';
import type { Context } from '../../context';
import { DomainError, fieldsOf, invalidInput } from '../../errors';
import { feeVersions, kpiVersions } from './settings';

export const addSettingSchema = z.object({ kind: z.enum(['kpi', 'fee']), value: z.looseObject({}) });

/**
 * Head office adds a version from a date. Versions are never edited: a past year keeps being
 * judged by the rules it ran under. A version must start after today, so nothing already decided
 * changes under anyone's feet.
 */
export function addSetting({ ctx, input }: { ctx: Context; input: z.output<typeof addSettingSchema> }) {
  const schema = input.kind === 'kpi' ? kpiSettingsSchema : feeScheduleSchema;
  const parsed = schema.safeParse(input.value);
  if (!parsed.success) throw invalidInput(fieldsOf(parsed.error, 'value'));
  const value = parsed.data;
  // Head office works in WIB: "after today" is judged on Jakarta's date, as the page judges it.
  const today = dateInZone(ctx.now(), 'Asia/Jakarta');
  if (value.effectiveFrom <= today) {
    throw new DomainError('VALIDATION', msg('EFFECTIVE_DATE_NOT_FUTURE'), {
      fields: [fieldMsg('value.effectiveFrom', 'EFFECTIVE_DATE_NOT_FUTURE')],
    });
  }
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    if (
      listProgramSettings(tx, input.kind).some(
        (r) => (r.value as { effectiveFrom: string }).effectiveFrom === value.effectiveFrom,
      )
    ) {
      throw new DomainError('VALIDATION', msg('SETTINGS_VERSION_EXISTS'), {
        fields: [fieldMsg('value.effectiveFrom', 'SETTINGS_VERSION_EXISTS')],
      });
    }
    // The first stored version keeps the defaults in force before it.
    if (listProgramSettings(tx, input.kind).length === 0) {
      for (const d of input.kind === 'kpi' ? kpiVersions(tx) : feeVersions(tx)) {
        insertProgramSetting(tx, {
          kind: input.kind,
          effectiveFrom: d.effectiveFrom,
          value: d,
          createdAt: at,
          createdBy: 'bawaan',
        });
      }
    }
    const row = insertProgramSetting(tx, {
      kind: input.kind,
      effectiveFrom: value.effectiveFrom,
      value,
      createdAt: at,
      createdBy: ctx.principal?.username ?? 'sistem',
    });
    appendAudit(tx, {
      entityType: 'setting',
      entityId: row.id,
      type: 'SETTING_ADDED',
      payload: { kind: input.kind, value },
      actor: row.createdBy,
      at,
    });
    return { kpi: kpiVersions(tx), fee: feeVersions(tx) };
  });
}
