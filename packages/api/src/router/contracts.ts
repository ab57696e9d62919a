import { z } from 'zod';
import { MONTHLY_CSV_TEMPLATE_FILENAME, monthlyCsvTemplate } from '@kader/workflow';
import { agreementPdf, agreementPdfSchema } from '../services/contracts/agreementDocument';
import { decideRenewal, decideSchema } from '../services/contracts/decideRenewal';
import { getContractDetail } from '../services/contracts/getContractDetail';
import { importMonths, importMonthsSchema } from '../services/contracts/importMonths';
import { listContracts, listContractsSchema } from '../services/contracts/listContracts';
import { recordMonth, recordMonthSchema } from '../services/contracts/recordMonth';
import { renewalQueue, renewalQueueSchema } from '../services/contracts/renewalQueue';
import { sendContractEvent, sendContractSchema } from '../services/contracts/sendContractEvent';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

const id = z.number().int().positive();
const branchStaff = rolesProcedure('recruiter', 'supervisor');

export const contractsRouter = router({
  list: signedInProcedure.input(listContractsSchema).query(({ ctx, input }) => listContracts({ ctx, input })),
  renewalQueue: signedInProcedure.input(renewalQueueSchema).query(({ ctx, input }) => renewalQueue({ ctx, input })),
  get: signedInProcedure.input(z.object({ id })).query(({ ctx, input }) => getContractDetail({ ctx, input })),
  decide: rolesProcedure('supervisor')
    .input(decideSchema)
    .mutation(({ ctx, input }) => decideRenewal({ ctx, input })),
  send: branchStaff.input(sendContractSchema).mutation(({ ctx, input }) => sendContractEvent({ ctx, input })),
  recordMonth: branchStaff.input(recordMonthSchema).mutation(({ ctx, input }) => recordMonth({ ctx, input })),
  importMonths: branchStaff.input(importMonthsSchema).mutation(({ ctx, input }) => importMonths({ ctx, input })),
  agreementPdf: branchStaff.input(agreementPdfSchema).mutation(({ ctx, input }) => agreementPdf({ ctx, input })),
  /** The downloadable template (`;`-separated, Indonesian number and date formats). */
  importTemplate: signedInProcedure.query(() => ({ filename: MONTHLY_CSV_TEMPLATE_FILENAME, csv: monthlyCsvTemplate() })),
});
