import {
  catalogue,
  DOCUMENT_CODES,
  EDUCATION_LEVELS,
  RECRUITMENT_EVENT_TYPES,
  RECRUITMENT_STATES,
  REJECTION_REASONS,
  WITHDRAWAL_REASONS,
  type Params,
  recruitmentEventSchemas,
  renderMessage,
} from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { fieldsFromSchema } from '../src/forms/schemaFields';
import { en, id } from '../src/i18n/dict';
import { hasKey, interpolate, translate, translateDynamic, translateServerMessage } from '../src/i18n';

const keys = [
  ...RECRUITMENT_STATES.map((s) => `state.${s}`),
  ...RECRUITMENT_EVENT_TYPES.map((e) => `event.${e}`),
  ...DOCUMENT_CODES.map((d) => `doc.${d}`),
  ...REJECTION_REASONS.map((r) => `rejection.${r}`),
  ...WITHDRAWAL_REASONS.map((r) => `withdrawal.${r}`),
  ...EDUCATION_LEVELS.map((e) => `edu.${e}`),
  ...RECRUITMENT_EVENT_TYPES.flatMap((t) => fieldsFromSchema(recruitmentEventSchemas[t]).map((f) => `eventField.${f.name}`)),
];

describe('dictionaries', () => {
  it('label every state, event, document, reason, education level and event field in both languages', () => {
    for (const key of keys) {
      expect(hasKey(key), key).toBe(true);
      expect((id as Record<string, string>)[key], `id ${key}`).toBeTruthy();
      expect((en as Record<string, string>)[key], `en ${key}`).toBeTruthy();
    }
  });
  it('have the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) expect(holes(en[key]), key).toEqual(holes(id[key]));
  });
  it('use the words of ux.md in Indonesian', () => {
    expect(translate('id', 'state.administrativeCheck')).toBe('Seleksi administrasi');
    expect(translate('id', 'state.agreementSigning')).toBe('Penandatanganan PKS');
    expect(translate('id', 'state.active')).toBe('Kader aktif');
    expect(translate('id', 'state.rejected')).toBe('Tidak lolos');
    expect(translate('id', 'event.BEGIN_ADMIN_CHECK')).toBe('Mulai seleksi administrasi');
    expect(translate('id', 'event.RECORD_WRITTEN_TEST_SCORE')).toBe('Catat nilai tes tertulis');
    expect(translate('id', 'period.quotaLeft')).toBe('Sisa kuota');
  });
  it('interpolate and fall back', () => {
    expect(interpolate('{n} hari', { n: 3 })).toBe('3 hari');
    expect(translate('en', 'days.n', { n: 3 })).toBe('3 days');
    expect(translateDynamic('id', 'state.nope', 'nope')).toBe('nope');
  });
  it('renders a server message from its id in the UI language, and its own sentence when the id is unknown', () => {
    const refusal = { reason: 'NUMBER_TOO_BIG', params: { maximum: 100 }, message: 'Paling besar 100' };
    expect(translateServerMessage('en', refusal)).toBe('At most 100');
    expect(translateServerMessage('id', refusal)).toBe('Paling besar 100');
    expect(translateServerMessage('en', { reason: 'FROM_A_NEWER_SERVER', params: {}, message: 'Pesan baru' })).toBe('Pesan baru');
    const refused = {
      reason: 'EVENT_NOT_ALLOWED',
      params: { event: 'SIGN_AGREEMENT', state: 'interview', machine: 'recruitment' },
      allowedEvents: ['REJECT'],
      machine: 'recruitment',
    };
    expect(translateServerMessage('en', refused)).toBe(
      'Record agreement signing does not apply at the interview stage. Actions that apply now: Reject.',
    );
  });
});

describe('contract-year labels (issue 4)', () => {
  it('label every contract state, event, KPI, flag, reason code and form field in both languages', async () => {
    const wf = await import('@kader/workflow');
    const { contractEventFields, CONTRACT_FORM_EVENTS } = await import('../src/pages/contracts/ContractEventForm');
    const { MONTH_FIELDS, COLLECTION_FIELDS } = await import('../src/contracts/monthForm');
    const contractKeys = [
      ...wf.CONTRACT_STATES.map((s) => `contractState.${s}`),
      ...wf.CONTRACT_EVENT_TYPES.map((e) => `contractEvent.${e}`),
      ...wf.KPI_KEYS.map((k) => `kpi.${k}`),
      ...['UNDER_2_MONTHS', 'OVER_24_MONTHS', 'NO_TIER'].flatMap((f) => [`flag.${f}`, `flagShort.${f}`]),
      ...wf.RESIGNATION_REASONS.map((r) => `resignation.${r}`),
      ...wf.TERMINATION_REASONS.map((r) => `termination.${r}`),
      ...CONTRACT_FORM_EVENTS.flatMap((t) => contractEventFields(t).map((f) => `contractField.${f.name}`)),
      ...[...MONTH_FIELDS, ...COLLECTION_FIELDS].map((f) => `monthField.${f.name}`),
      'monthField.collections',
      ...wf.RENEWAL_DECISIONS.flatMap((d) => [`decision.${d}`, `rec.${d}`]),
    ];
    for (const key of contractKeys) {
      expect(hasKey(key), key).toBe(true);
      expect((id as Record<string, string>)[key], `id ${key}`).toBeTruthy();
      expect((en as Record<string, string>)[key], `en ${key}`).toBeTruthy();
    }
  });
  it('use the words of ux.md', () => {
    expect(translate('id', 'contractState.evaluationDue')).toBe('Jatuh tempo evaluasi');
    expect(translate('id', 'contractState.dropped')).toBe('Tidak diperpanjang');
    expect(translate('id', 'contractState.terminated')).toBe('Diberhentikan');
    expect(translate('id', 'nav.renewals')).toBe('Perpanjangan');
    expect(translate('id', 'rec.renew')).toBe('Direkomendasikan diperpanjang');
    expect(translate('id', 'rec.drop')).toBe('Tidak direkomendasikan');
    expect(translate('id', 'import.run')).toBe('Impor');
    expect(translate('id', 'import.runValid')).toBe('Impor baris yang valid saja');
    expect(translate('id', 'kpi.attendance')).toBe('Kehadiran rapat evaluasi');
  });
  it('keep the recruitment and contract keys apart (no key defined twice)', async () => {
    const { contractId } = await import('../src/i18n/contractDict');
    const source = await import('node:fs').then((fs) => fs.readFileSync(new URL('../src/i18n/dict.ts', import.meta.url), 'utf8'));
    for (const key of Object.keys(contractId)) expect(source.includes(`'${key}':`), key).toBe(false);
  });
});

describe('one source for each message', () => {
  it('no word of the UI dictionary repeats a message of the shared catalogue (use tmsg(msg(…)) instead)', () => {
    const norm = (s: string) => s.toLowerCase().replace(/[.\s]+$/, '');
    const messages = new Map<string, string>();
    for (const [key, entry] of Object.entries(catalogue)) {
      const text = renderMessage('id', { reason: key, params: (entry as { sample: Params }).sample });
      if (text) messages.set(norm(text), key);
    }
    const repeated = Object.entries(id)
      .filter(([, text]) => messages.has(norm(text)))
      .map(([key, text]) => `${key} = ${messages.get(norm(text))}: ${text}`);
    expect(repeated).toEqual([]);
  });
});
