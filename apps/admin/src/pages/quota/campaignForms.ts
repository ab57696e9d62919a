/**
 * The period panel's three forms on the quota page ↔ the procedures' inputs, each checked in the
 * browser with the schema the server parses with (and the split with the same `splitProblems`
 * the server runs), so a refusal shows on its field before a request. Pure; test/campaignForms.test.ts.
 */
import {
  type AnnouncementChannel,
  setAreaQuotasSchema,
  setChannelsSchema,
  setRegistrationWindowSchema,
  splitProblems,
} from '@kader/workflow';
import { type Checked, checkWith, messagesByPath } from '../../components/schemaCheck';

export type CampaignPeriod = {
  id: number;
  year: number;
  quota: number;
  revision: number;
  registrationOpensOn: string | null;
  registrationClosesOn: string | null;
  channels: readonly AnnouncementChannel[];
  areaQuotas: readonly { workAreaId: number; name: string; quota: number | null; taken: number }[];
};

export type WindowForm = { opensOn: string; closesOn: string };

export function checkWindowForm(p: CampaignPeriod, v: WindowForm) {
  return checkWith(setRegistrationWindowSchema, { periodId: p.id, revision: p.revision, year: p.year, ...v });
}

export function checkChannelsForm(p: CampaignPeriod, channels: readonly AnnouncementChannel[]) {
  return checkWith(setChannelsSchema, { periodId: p.id, revision: p.revision, channels });
}

/** Each area's places as typed, by area id: empty means none of its own. */
export type AreaForm = Record<number, string>;

export function areaFormFrom(p: CampaignPeriod): AreaForm {
  return Object.fromEntries(p.areaQuotas.map((a) => [a.workAreaId, a.quota === null ? '' : String(a.quota)]));
}

/** The places a typed number gives (null: empty); a non-number stays for the schema to refuse. */
function typedPlaces(s: string): number | null {
  const t = s.trim();
  return t === '' ? null : Number(t.replace(',', '.'));
}

export function checkAreaForm(p: CampaignPeriod, v: AreaForm): Checked<ReturnType<typeof setAreaQuotasSchema.parse>> {
  const areas = p.areaQuotas.map((a) => ({ workAreaId: a.workAreaId, quota: typedPlaces(v[a.workAreaId] ?? '') }));
  const checked = checkWith(setAreaQuotasSchema, { periodId: p.id, revision: p.revision, areas });
  if (!checked.ok) return checked;
  const problems = splitProblems(
    p.quota,
    p.areaQuotas.map((a, i) => ({ ...a, quota: checked.value.areas[i]!.quota })),
  );
  return problems.length ? { ok: false, errors: messagesByPath(problems) } : checked;
}

/** The places the typed split gives out (for the running "given out" line). */
export function typedSum(v: AreaForm): number {
  return Object.values(v).reduce((sum, s) => {
    const n = typedPlaces(s);
    return sum + (n !== null && Number.isFinite(n) ? n : 0);
  }, 0);
}
