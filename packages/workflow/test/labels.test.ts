import { describe, expect, it } from 'vitest';
import {
  ANNOUNCEMENT_CHANNELS,
  CONTRACT_EVENT_TYPES,
  CONTRACT_STATES,
  DOCUMENT_CODES,
  EDUCATION_LEVELS,
  KPI_KEYS,
  labelsEn,
  labelsId,
  RECRUITMENT_EVENT_TYPES,
  RECRUITMENT_STATES,
  REJECTION_REASONS,
  RESIGNATION_REASONS,
  ROLES,
  TERMINATION_REASONS,
  WITHDRAWAL_REASONS,
  type FeeLineFlag,
} from '../src';

// Flags are a type only: the list is written here, and the type check keeps it complete.
const FLAGS = ['UNDER_2_MONTHS', 'OVER_24_MONTHS', 'NO_TIER'] as const satisfies readonly NonNullable<FeeLineFlag>[];
type MissingFlag = Exclude<NonNullable<FeeLineFlag>, (typeof FLAGS)[number]>;
const noFlagMissing: MissingFlag extends never ? true : false = true;

const LISTS: Record<string, readonly string[]> = {
  state: RECRUITMENT_STATES,
  event: RECRUITMENT_EVENT_TYPES,
  doc: DOCUMENT_CODES,
  rejection: REJECTION_REASONS,
  withdrawal: WITHDRAWAL_REASONS,
  edu: EDUCATION_LEVELS,
  role: ROLES,
  contractState: CONTRACT_STATES,
  contractEvent: CONTRACT_EVENT_TYPES,
  resignation: RESIGNATION_REASONS,
  termination: TERMINATION_REASONS,
  kpi: KPI_KEYS,
  flag: FLAGS,
  channel: ANNOUNCEMENT_CHANNELS,
};

describe('names of codes', () => {
  it.each(Object.keys(LISTS))('every %s code has a name in Indonesian and English', (kind) => {
    expect(noFlagMissing).toBe(true);
    const id: Record<string, string> = labelsId;
    const en: Record<string, string> = labelsEn;
    const missing = LISTS[kind]!.filter((code) => !id[`${kind}.${code}`] || !en[`${kind}.${code}`]);
    expect(missing).toEqual([]);
  });

  it('names no code that does not exist (a renamed code leaves no stale name behind)', () => {
    const known = new Set(Object.entries(LISTS).flatMap(([kind, codes]) => codes.map((c) => `${kind}.${c}`)));
    expect(Object.keys(labelsId).filter((key) => !known.has(key))).toEqual([]);
  });
});
