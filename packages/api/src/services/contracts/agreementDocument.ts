import {
  getApplication,
  getBranch,
  getCandidate,
  getContract,
  getPeriod,
  getWorkArea,
  recordNikView,
  type CandidateRow,
  type DbOrTx,
} from '@kader/db';
import {
  addDays,
  agreementEndDate,
  dateInZone,
  DEFAULT_FAMILIES_ASSIGNED,
  effectiveAt,
  fieldMsg,
  formatPhone,
  msg,
  restore,
  restoreContract,
} from '@kader/workflow';
import { z } from 'zod';
import { assertCanRunSelection, requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { renderAgreementPdf, type AgreementDocument } from '../../documents';
import { DomainError } from '../../errors';
import { feeVersions } from './settings';

export const agreementPdfSchema = z.object({
  applicationId: z.number().int().positive().optional(),
  contractId: z.number().int().positive().optional(),
  paper: z.enum(['A4', 'F4']).default('A4'),
});

/**
 * The cadre functions written into the agreement (2022 wording, domain.md B0). They changed over
 * the years; when head office versions them, this list becomes a setting.
 */
export const CADRE_FUNCTIONS = [
  'Pengingat dan pengumpul iuran peserta binaan (PBPU)',
  'Pemasaran sosial Program JKN',
  'Kepesertaan: membantu pendaftaran dan pembaruan data peserta',
  'Pemberi informasi tentang hak dan kewajiban peserta',
  'Penerima keluhan dan pengaduan peserta',
];

const address = (c: CandidateRow) => `${c.street}, RT/RW ${c.rtRw}, ${c.village}, ${c.district}, ${c.regency}`;

function base(db: DbOrTx, candidateId: number, branchId: number, workAreaId: number) {
  const candidate = getCandidate(db, candidateId);
  const branch = getBranch(db, branchId);
  const area = getWorkArea(db, workAreaId);
  if (!candidate || !branch || !area) throw new Error('agreement refers to missing rows');
  return {
    branch: { name: branch.name.replace(/^KC\s+/, ''), city: branch.name.replace(/^KC\s+/, '') },
    // Branches do not record their head's name yet: the signature block leaves it to be written.
    branchSignatory: { name: '……………………………', title: `Kepala Kantor Cabang ${branch.name.replace(/^KC\s+/, '')}` },
    cadre: {
      name: candidate.name,
      nik: candidate.nik,
      birthDate: candidate.birthDate,
      address: address(candidate),
      phone: formatPhone(candidate.phone),
    },
    workArea: area.name,
    timeZone: branch.timeZone,
    code: branch.code,
  };
}

/**
 * The work agreement (PKS) as a PDF: a watermarked draft before it is signed (an application at
 * the signing stage, or a renewal decided but not yet started), the final afterwards.
 */
export async function agreementPdf({ ctx, input }: { ctx: Context; input: z.output<typeof agreementPdfSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const fees = feeVersions(db);
  let doc: AgreementDocument;
  let draft: boolean;
  let candidateId: number;
  if (input.applicationId) {
    const row = getApplication(db, input.applicationId);
    const period = row ? getPeriod(db, row.periodId) : undefined;
    if (!row || !period) {
      throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'application', id: input.applicationId }));
    }
    assertCanRunSelection(p, period.branchId, { entity: 'application', id: row.id });
    const ctxSnap = restore({ version: row.machineVersion, persisted: row.snapshot }).context;
    const b = base(db, row.candidateId, period.branchId, row.workAreaId);
    candidateId = row.candidateId;
    if (!ctxSnap.agreement && row.state !== 'agreementSigning') {
      throw new DomainError('INVALID_TRANSITION', msg('AGREEMENT_PRINT_TOO_EARLY'));
    }
    const today = dateInZone(ctx.now(), b.timeZone);
    // Unsigned: a draft starting the first of next month, to read through with the candidate.
    const start = ctxSnap.agreement?.startDate ?? `${addDays(`${today.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
    draft = !ctxSnap.agreement;
    doc = {
      ...b,
      agreementNumber: ctxSnap.agreement?.number ?? `PKS/…/${b.code}/${start.slice(0, 4)}`,
      familiesAssigned: DEFAULT_FAMILIES_ASSIGNED,
      functions: CADRE_FUNCTIONS,
      feeSchedule: effectiveAt(fees, start),
      startDate: start,
      endDate: ctxSnap.agreement?.endDate ?? agreementEndDate(start),
      signedOn: ctxSnap.agreement?.signedOn ?? null,
      renewalOf: null,
    };
  } else if (input.contractId) {
    const row = getContract(db, input.contractId);
    if (!row) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'contract', id: input.contractId }));
    assertCanRunSelection(p, row.branchId, { entity: 'contract', id: row.id });
    const b = base(db, row.candidateId, row.branchId, row.workAreaId);
    candidateId = row.candidateId;
    const decision = restoreContract({ version: row.machineVersion, persisted: row.snapshot }).context.decision;
    const previous = row.previousContractId ? getContract(db, row.previousContractId) : undefined;
    if (row.state === 'decided' && decision?.decision === 'renew') {
      // The next year's agreement, to be signed before it starts.
      const start = addDays(row.endDate, 1);
      draft = true;
      doc = {
        ...b,
        agreementNumber: `PKS/…/${b.code}/${start.slice(0, 4)}`,
        familiesAssigned: row.familiesAssigned,
        functions: CADRE_FUNCTIONS,
        feeSchedule: effectiveAt(fees, start),
        startDate: start,
        endDate: agreementEndDate(start),
        signedOn: null,
        renewalOf: row.agreementNumber,
      };
    } else {
      draft = false;
      doc = {
        ...b,
        agreementNumber: row.agreementNumber,
        familiesAssigned: row.familiesAssigned,
        functions: CADRE_FUNCTIONS,
        feeSchedule: effectiveAt(fees, row.startDate),
        startDate: row.startDate,
        endDate: row.endDate,
        // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as text, not numbers
        signedOn: row.createdAt.slice(0, 10) < row.startDate ? row.createdAt.slice(0, 10) : row.startDate,
        renewalOf: previous?.agreementNumber ?? null,
      };
    }
  } else {
    throw new DomainError('VALIDATION', msg('AGREEMENT_PRINT_WHICH'), { fields: [fieldMsg('applicationId', 'FIELD_REQUIRED')] });
  }
  const bytes = await renderAgreementPdf(doc, { paper: input.paper, draft, createdAt: ctx.now() });
  // The PDF prints the full NIK: generating one is a deliberate view, logged like a reveal.
  if (p.kind === 'user') recordNikView(db, { userId: p.id, candidateId, at: ctx.now().toISOString() });
  const name = doc.agreementNumber.replace(/[^\w-]+/g, '-').replace(/-+/g, '-');
  return { filename: `${draft ? 'DRAF-' : ''}${name}-${input.paper}.pdf`, draft, base64: Buffer.from(bytes).toString('base64') };
}
