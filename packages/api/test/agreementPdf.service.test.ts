import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index';
import { seededDatabase, userContext } from './helpers';
import { read } from './pdfText';

let db: ReturnType<typeof seededDatabase>;
beforeAll(async () => {
  db = seededDatabase();
});
afterAll(() => db.cleanup());

const as = (u: string) => createCaller(userContext(db.handle, u));
const pdfText = async (base64: string) => (await read(new Uint8Array(Buffer.from(base64, 'base64')))).text;

describe('printing the work agreement (PKS)', () => {
  it('at the signing stage: a watermarked draft with the candidate and the branch', async () => {
    const app = db.handle.sqlite
      .prepare(
        "select a.id, c.name, c.nik from applications a join candidates c on c.id = a.candidate_id where a.state = 'agreementSigning' limit 1",
      )
      .get() as { id: number; name: string; nik: string };
    const out = await as('rekruter.madiun').contracts.agreementPdf({ applicationId: app.id, paper: 'F4' });
    expect(out).toMatchObject({ draft: true, filename: expect.stringMatching(/^DRAF-.*-F4\.pdf$/) });
    const text = await pdfText(out.base64);
    expect(text).toContain('DRAF');
    expect(text).toContain(app.name);
    expect(text).toContain(app.nik.replace(/(\d{4})(?=\d)/g, '$1 '));
    expect(text).toContain('Madiun');
  });

  it("a cadre's agreement year: the final, with its number and dates and no watermark", async () => {
    const c = db.handle.sqlite
      .prepare("select id, agreement_number n from contracts where agreement_number like 'PKS/050/%'")
      .get() as { id: number; n: string };
    const out = await as('penyelia.madiun').contracts.agreementPdf({ contractId: c.id, paper: 'A4' });
    expect(out.draft).toBe(false);
    const text = await pdfText(out.base64);
    expect(text).toContain(c.n);
    expect(text).not.toContain('DRAF');
    expect(text).toMatch(/7%/);
  });

  it("is refused to viewers and to another branch's staff", async () => {
    const c = db.handle.sqlite.prepare('select id from contracts limit 1').get() as { id: number };
    await expect(as('pimpinan.madiun').contracts.agreementPdf({ contractId: c.id, paper: 'A4' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(as('rekruter.makassar').contracts.agreementPdf({ contractId: c.id, paper: 'A4' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
