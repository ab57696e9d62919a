import {
  RECRUITMENT_EVENT_TYPES,
  recruitmentEventSchemas,
  DOCUMENT_CODES,
  REJECTION_REASONS,
  render,
  WITHDRAWAL_REASONS,
} from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fieldsFromSchema,
  issuesByPath,
  parseNumberInput,
  validatePayload,
  valuesToPayload,
  type FormField,
} from '../src/forms/schemaFields';

const brief = (fields: FormField[]) => fields.map((f) => `${f.name}:${f.kind}${f.required ? '' : '?'}`);

describe('fields derived from every event schema', () => {
  const expected: Record<string, string[]> = {
    BEGIN_ADMIN_CHECK: [],
    VERIFY_DOCUMENT: ['document:select'],
    UNVERIFY_DOCUMENT: ['document:select'],
    COMPLETE_ADMIN_CHECK: [],
    SCHEDULE_WRITTEN_TEST: ['date:date', 'time:time', 'place:text'],
    RECORD_WRITTEN_TEST_SCORE: ['score:number', 'notes:textarea?'],
    SCHEDULE_INTERVIEW: ['date:date', 'time:time', 'place:text'],
    RECORD_INTERVIEW_SCORE: ['score:number', 'notes:textarea?'],
    SIGN_AGREEMENT: ['agreementNumber:text', 'signedOn:date', 'startDate:date'],
    COMPLETE_DEBRIEFING: ['debriefedOn:date'],
    REJECT: ['reasonCode:select', 'note:textarea?'],
    WITHDRAW: ['reasonCode:select', 'note:textarea?'],
    // supervisors' corrections (issue 3)
    REOPEN: ['reason:textarea'],
    CORRECT_WRITTEN_TEST_SCORE: ['score:number', 'reason:textarea'],
    CORRECT_INTERVIEW_SCORE: ['score:number', 'reason:textarea'],
  };

  it('covers exactly the machine’s event types', () => {
    expect(Object.keys(expected).sort()).toEqual([...RECRUITMENT_EVENT_TYPES].sort());
  });

  for (const type of RECRUITMENT_EVENT_TYPES) {
    it(`${type}`, () => {
      expect(brief(fieldsFromSchema(recruitmentEventSchemas[type]))).toEqual(expected[type]);
    });
  }

  it('takes select options from the enums, in order', () => {
    expect(fieldsFromSchema(recruitmentEventSchemas.VERIFY_DOCUMENT)[0]!.options).toEqual([...DOCUMENT_CODES]);
    expect(fieldsFromSchema(recruitmentEventSchemas.REJECT)[0]!.options).toEqual([...REJECTION_REASONS]);
    expect(fieldsFromSchema(recruitmentEventSchemas.WITHDRAW)[0]!.options).toEqual([...WITHDRAWAL_REASONS]);
  });

  it('gives scores a 0-100 number input with step 0.1', () => {
    const [score] = fieldsFromSchema(recruitmentEventSchemas.RECORD_INTERVIEW_SCORE);
    expect(score).toMatchObject({ kind: 'number', min: 0, max: 100, step: 0.1, required: true });
  });

  it('reads limits and meta kinds from any schema, not only these', () => {
    const fields = fieldsFromSchema(
      z.object({
        count: z.number().int().min(1),
        when: z.string().meta({ kind: 'date' }).optional(),
        story: z.string().max(50).meta({ kind: 'textarea' }),
        label: z.string().nullable(),
        flag: z.boolean(),
        nested: z.object({ inner: z.enum(['a', 'b']) }),
      }),
    );
    expect(brief(fields)).toEqual([
      'count:number',
      'when:date?',
      'story:textarea',
      'label:text',
      'flag:checkbox?',
      'nested.inner:select',
    ]);
    expect(fields[0]).toMatchObject({ step: 1, min: 1 });
    expect(fields[2]).toMatchObject({ maxLength: 50 });
  });

  it('refuses a schema that is not an object', () => {
    expect(() => fieldsFromSchema(z.string())).toThrow();
  });
});

describe('values → payload → validation with the same schema', () => {
  it('parses numbers with a decimal comma and leaves empty optional fields out', () => {
    const schema = recruitmentEventSchemas.RECORD_WRITTEN_TEST_SCORE;
    const fields = fieldsFromSchema(schema);
    const payload = valuesToPayload(fields, { score: '72,5', notes: '' });
    expect(payload).toEqual({ score: 72.5 });
    const result = validatePayload(schema, payload);
    expect(result).toEqual({ ok: true, data: { score: 72.5, notes: '' } });
  });

  it('puts the schema’s own messages on the fields', () => {
    const schema = recruitmentEventSchemas.RECORD_WRITTEN_TEST_SCORE;
    const fields = fieldsFromSchema(schema);
    const tooHigh = validatePayload(schema, valuesToPayload(fields, { score: '101' }));
    expect(tooHigh.ok).toBe(false);
    if (!tooHigh.ok) {
      const message = issuesByPath(tooHigh.issues).score!.message;
      expect(message).toEqual({ reason: 'SCORE_TOO_BIG', params: { maximum: 100 } });
      expect(render('id', message)).toBe('Nilai paling besar 100');
    }
    const twoDecimals = validatePayload(schema, valuesToPayload(fields, { score: '72.55' }));
    if (twoDecimals.ok) throw new Error('72.55 must be refused');
    expect(render('id', issuesByPath(twoDecimals.issues).score!.message)).toBe('Nilai paling banyak satu angka desimal');
    const missing = validatePayload(schema, valuesToPayload(fields, { score: '' }));
    if (missing.ok) throw new Error('an empty score must be refused');
    expect(issuesByPath(missing.issues).score).toMatchObject({
      missing: true,
      message: { reason: 'SCORE_NOT_A_NUMBER', params: {} },
    });
  });

  it('reports refinements on their path (reason OTHER needs a note; start not before signing)', () => {
    const reject = recruitmentEventSchemas.REJECT;
    const r = validatePayload(reject, valuesToPayload(fieldsFromSchema(reject), { reasonCode: 'OTHER', note: '' }));
    if (r.ok) throw new Error('OTHER without a note must be refused');
    expect(Object.keys(issuesByPath(r.issues))).toEqual(['note']);

    const sign = recruitmentEventSchemas.SIGN_AGREEMENT;
    const s = validatePayload(
      sign,
      valuesToPayload(fieldsFromSchema(sign), { agreementNumber: 'PKS/001', signedOn: '2026-11-10', startDate: '2026-11-01' }),
    );
    if (s.ok) throw new Error('a start before signing must be refused');
    expect(Object.keys(issuesByPath(s.issues))).toEqual(['startDate']);
  });

  it('marks an unchosen select as missing', () => {
    const schema = recruitmentEventSchemas.WITHDRAW;
    const r = validatePayload(schema, valuesToPayload(fieldsFromSchema(schema), { reasonCode: '' }));
    if (r.ok) throw new Error('no reason must be refused');
    expect(issuesByPath(r.issues).reasonCode?.missing).toBe(true);
  });

  it('accepts a complete schedule', () => {
    const schema = recruitmentEventSchemas.SCHEDULE_WRITTEN_TEST;
    const payload = valuesToPayload(fieldsFromSchema(schema), { date: '2026-11-24', time: '09:00', place: 'Aula KC' });
    expect(validatePayload(schema, payload)).toEqual({ ok: true, data: { date: '2026-11-24', time: '09:00', place: 'Aula KC' } });
  });

  it('parses number inputs strictly', () => {
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput(' 60 ')).toBe(60);
    expect(parseNumberInput('60,5')).toBe(60.5);
    expect(parseNumberInput('6o')).toBeNaN();
  });
});
