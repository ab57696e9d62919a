/**
 * A CSV export of one of the product's lists (`GET /export/<list>.csv?<filters>`, apps/server
 * `exports.ts`): the same access as the list's tRPC procedure, checked before a byte is written,
 * then the file as a lazy sequence of text chunks — the header, then one chunk per page the list's
 * own keyset query reads (`@kader/db` `queries/exports.ts`) — so the writer can wait for the client
 * between pages and no export ever sits in memory whole.
 *
 * NIKs are masked as on every read. `nik=full` asks for them whole: allowed only to whoever may
 * reveal them for every row's branch (the branch's recruiters and supervisors), and each candidate
 * whose NIK goes into the file is logged in `nik_views` as a reveal is, page by page as it is
 * written (a HEAD request, which writes no rows, logs nothing).
 */
import {
  boardExportPages,
  contractExportPages,
  getBranch,
  getPeriod,
  keysetPages,
  listUsers,
  recordNikViewsByNik,
} from '@kader/db';
import { CONTRACT_STATES, dateInZone, isoDate, msg, RECRUITMENT_STATES, UTF8_BOM } from '@kader/workflow';
import { z } from 'zod';
import { requirePrincipal } from '../../auth/guard';
import { canReadBranch, type Principal, seesPersonalData } from '../../auth/principal';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { branchScope } from '../contracts/shared';
import { renewalQueueItems } from '../contracts/renewalQueue';
import { contractCards } from '../contracts/views';
import { listPeriods } from '../periods';
import {
  boardColumns,
  contractColumns,
  type ContractExportRow,
  type ExportColumn,
  HEAD_OFFICE_ZONE,
  headerLine,
  type QuotaExportRow,
  quotaColumns,
  rowLines,
  userColumns,
} from './columns';
import { exportFilename } from './csv';

/** The lists, by the name in the address (`/export/board.csv`), with the word their file is named by. */
const FILE_WORD = { board: 'papan', cadres: 'kader', renewals: 'perpanjangan', users: 'pengguna', quota: 'kuota' } as const;
export type ExportList = keyof typeof FILE_WORD;

export function isExportList(name: string): name is ExportList {
  return Object.hasOwn(FILE_WORD, name);
}

// Query strings carry text: numbers are coerced, and each filter is the list procedure's own.
const id = z.coerce.number().int().positive();
const nik = z.enum(['masked', 'full']).default('masked');
const search = z.string().max(100).optional();

const INPUT = {
  board: z.object({ periodId: id, workAreaId: id.optional(), search, nik }),
  cadres: z.object({
    branchId: id.optional(),
    workAreaId: id.optional(),
    state: z.enum(CONTRACT_STATES).optional(),
    endingBefore: isoDate.optional(),
    search,
    nik,
  }),
  renewals: z.object({ branchId: id.optional(), nik }),
  users: z.object({}),
  quota: z.object({ branchId: id.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }),
} satisfies Record<ExportList, z.ZodType>;

export type OpenedExport = {
  filename: string;
  /** The file's text: the header line first, then a chunk per page read. Lazy: nothing is read before it is pulled. */
  chunks: Iterable<string>;
};

type Pages<R> = { columns: ExportColumn<R>[]; pages: Iterable<R[]>; niks?: (row: R) => string };

/**
 * Checks who asks for what (throwing DomainError or a zod error, as the list's procedure would)
 * and returns the file to write. `query` is the address's query string.
 */
export function openExport({ ctx, list, query }: { ctx: Context; list: ExportList; query: URLSearchParams }): OpenedExport {
  const principal = requirePrincipal(ctx);
  // the tRPC middleware's rule for every procedure but auth.*
  if (ctx.mustChangePassword) {
    throw new DomainError('FORBIDDEN', msg('PASSWORD_CHANGE_FIRST'), { passwordChangeRequired: true });
  }
  const params = Object.fromEntries(query);
  const { db } = ctx.handle;
  // dated by the asker's day: their branch's, or head office's
  const own = principal.kind === 'user' && principal.branchId !== null ? getBranch(db, principal.branchId) : undefined;
  const filename = exportFilename(FILE_WORD[list], dateInZone(ctx.now(), own?.timeZone ?? HEAD_OFFICE_ZONE));
  function file<R>(p: Pages<R>): OpenedExport {
    return { filename, chunks: chunksOf(ctx, principal, p) };
  }
  switch (list) {
    case 'board':
      return file(boardPages(ctx, principal, INPUT.board.parse(params)));
    case 'cadres':
    case 'renewals':
      return file(contractPages(ctx, principal, list, INPUT[list].parse(params)));
    case 'users':
      INPUT.users.parse(params);
      // users.list is head office's admins' only
      if (principal.kind === 'user' && principal.role !== 'admin') {
        throw new DomainError('FORBIDDEN', msg('ROLE_NOT_ALLOWED', { role: principal.role }));
      }
      return file({ columns: userColumns(), pages: [listUsers(db)] });
    case 'quota':
      return file(quotaPages(ctx, INPUT.quota.parse(params)));
  }
}

function* chunksOf<R>(ctx: Context, principal: Principal, { columns, pages, niks }: Pages<R>): Generator<string, void, void> {
  yield UTF8_BOM + headerLine(columns);
  for (const page of pages) {
    if (niks && principal.kind === 'user') {
      // logged before the page leaves: a file cut off midway still counts what it carried
      recordNikViewsByNik(ctx.handle.db, { userId: principal.id, niks: page.map(niks), at: ctx.now().toISOString() });
    }
    yield rowLines(columns, page);
  }
}

/** `nik=full` is for whoever may reveal the NIK in the branch; anyone else is refused, not quietly masked. */
function assertMayExportNiks(p: Principal, branchId: number | null): void {
  if (branchId === null || !seesPersonalData(p, branchId)) throw new DomainError('FORBIDDEN', msg('NIK_REVEAL_STAFF_ONLY'));
}

function boardPages(ctx: Context, p: Principal, input: z.output<typeof INPUT.board>) {
  const { db } = ctx.handle;
  const period = getPeriod(db, input.periodId);
  if (!period || !canReadBranch(p, period.branchId)) {
    throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'period', id: input.periodId }));
  }
  const fullNik = input.nik === 'full';
  if (fullNik) assertMayExportNiks(p, period.branchId);
  // the board's own rule: whoever sees NIKs masked finds one by all 16 digits only
  const nikMatch = seesPersonalData(p, period.branchId) ? 'partial' : 'exact';
  const filter = { periodId: period.id, workAreaId: input.workAreaId, search: input.search, nikMatch } as const;
  return {
    columns: boardColumns({ fullNik, timeZone: period.branch.timeZone }),
    pages: boardExportPages(db, { filter, states: RECRUITMENT_STATES }),
    ...(fullNik ? { niks: (r: { nik: string }) => r.nik } : {}),
  };
}

function contractPages(
  ctx: Context,
  p: Principal,
  list: 'cadres' | 'renewals',
  input: z.output<typeof INPUT.cadres> | z.output<typeof INPUT.renewals>,
): Pages<ContractExportRow> {
  const { db } = ctx.handle;
  // a branch user naming another branch is refused as every read of it is (the list itself would just be empty)
  if (input.branchId !== undefined && !canReadBranch(p, input.branchId)) {
    throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'branch', id: input.branchId }));
  }
  const fullNik = input.nik === 'full';
  // whole NIKs only where every row is of the asker's own branch: a branch user's list is
  if (fullNik) assertMayExportNiks(p, p.kind === 'user' ? p.branchId : null);
  const withCards = function* (pages: Iterable<ContractExportRow['item'][]>) {
    for (const items of pages) {
      const cards = contractCards(db, items);
      yield items.map((item, i) => ({ item, card: cards[i]! }));
    }
  };
  const pages =
    list === 'cadres'
      ? contractExportPages(db, {
          filter: {
            branchIds: branchScope(db, p, input.branchId),
            workAreaId: 'workAreaId' in input ? input.workAreaId : undefined,
            states: 'state' in input && input.state ? [input.state] : undefined,
            endingBefore: 'endingBefore' in input ? input.endingBefore : undefined,
            search: 'search' in input ? input.search : undefined,
          },
        })
      : keysetPages((after: { endDate: string; id: number } | null) =>
          renewalQueueItems({ ctx, input: { branchId: input.branchId, after: after ?? undefined, pageSize: 100 } }),
        );
  return { columns: contractColumns({ fullNik }), pages: withCards(pages), ...(fullNik ? { niks: (r) => r.item.nik } : {}) };
}

function quotaPages(ctx: Context, input: z.output<typeof INPUT.quota>): Pages<QuotaExportRow> {
  // listPeriods applies the branch scope; the periods are few (one a branch a year)
  const periods = listPeriods({ ctx }).filter(
    (p) =>
      (input.branchId === undefined || p.branch.id === input.branchId) && (input.year === undefined || p.year === input.year),
  );
  const rows = periods.flatMap((period) => [{ period, area: null }, ...period.areaQuotas.map((area) => ({ period, area }))]);
  return { columns: quotaColumns(), pages: [rows] };
}
