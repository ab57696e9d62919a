import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index';
import { toClientError } from '../src/errors';
import { seededDatabase, userContext } from './helpers';
import type { TRPCError } from '@trpc/server';

let db: ReturnType<typeof seededDatabase>;
beforeAll(async () => {
  db = seededDatabase();
});
afterAll(() => db.cleanup());

/** What the client would read under `data.kader` for a refused call. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    return toClientError(err as TRPCError).data;
  }
  throw new Error('expected the call to be refused');
}

describe('dates the routers take are real calendar dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31'])(
    'contracts.list refuses endingBefore %s, naming the field',
    async (date) => {
      const data = await refusal(createCaller(userContext(db.handle, 'penyelia.madiun')).contracts.list({ endingBefore: date }));
      expect(data).toMatchObject({
        code: 'VALIDATION',
        reason: 'INVALID_INPUT',
        params: { count: 1 },
        message: 'Data tidak valid: periksa 1 isian yang ditandai.',
        fields: [
          {
            path: 'endingBefore',
            reason: 'DATE_INVALID',
            params: {},
            message: 'Tanggal harus berformat YYYY-MM-DD dan ada di kalender',
          },
        ],
      });
    },
  );

  it('contracts.list takes a real date, 29 February of a leap year included', async () => {
    const caller = createCaller(userContext(db.handle, 'penyelia.madiun'));
    await expect(caller.contracts.list({ endingBefore: '2028-02-29' })).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(caller.contracts.list({ endingBefore: '2027-12-31' })).resolves.toMatchObject({ total: expect.any(Number) });
  });
});
