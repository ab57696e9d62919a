import { isoDate } from '@kader/workflow';
import { z } from 'zod';
import {
  decideRenewal,
  decideSchema,
  getContractDetail,
  listContracts,
  listContractsSchema,
  recordMonth,
  recordMonthSchema,
  renewalQueue,
  sendContractEvent,
  sendContractSchema,
} from '../services/contracts/verbs';
import { importMonths, importMonthsSchema, monthlyCsvTemplate } from '../services/contracts/importMonths';
import { addSetting, addSettingSchema, listSettings } from '../services/contracts/programSettings';
import { agreementPdf, agreementPdfSchema } from '../services/contracts/agreementDocument';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

const id = z.number().int().positive();
const branchStaff = rolesProcedure('recruiter', 'supervisor');

export const settingsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listSettings({ ctx })),
  add: rolesProcedure('admin')
    .input(addSettingSchema)
    .mutation(({ ctx, input }) => addSetting({ ctx, input })),
});

/**
 * Every date a router takes is a real calendar date (`2026-02-30` is refused, naming the field),
 * through the one shared schema the event payloads use.
 */
const listContractsInput = listContractsSchema.extend({ endingBefore: isoDate.optional() });

export const contractsRouter = router({
  list: signedInProcedure.input(listContractsInput).query(({ ctx, input }) => listContracts({ ctx, input })),
  renewalQueue: signedInProcedure
    .input(z.object({ branchId: id.optional() }))
    .query(({ ctx, input }) => renewalQueue({ ctx, input })),
  get: signedInProcedure.input(z.object({ id })).query(({ ctx, input }) => getContractDetail({ ctx, input })),
  decide: rolesProcedure('supervisor')
    .input(decideSchema)
    .mutation(({ ctx, input }) => decideRenewal({ ctx, input })),
  send: branchStaff.input(sendContractSchema).mutation(({ ctx, input }) => sendContractEvent({ ctx, input })),
  recordMonth: branchStaff.input(recordMonthSchema).mutation(({ ctx, input }) => recordMonth({ ctx, input })),
  importMonths: branchStaff.input(importMonthsSchema).mutation(({ ctx, input }) => importMonths({ ctx, input })),
  /** The downloadable template (`;`-separated, Indonesian number and date formats). */
  agreementPdf: branchStaff.input(agreementPdfSchema).mutation(({ ctx, input }) => agreementPdf({ ctx, input })),
  importTemplate: signedInProcedure.query(() => ({ filename: 'template-laporan-bulanan.csv', csv: monthlyCsvTemplate() })),
});
