/**
 * What each export writes: its columns (snake_case Indonesian titles, as the import templates
 * title theirs) and each cell from a list row, formatted by `csv.ts`. Pure: the rows come from the
 * lists' own queries (`openExport.ts`), whether a NIK is written whole is decided there, once.
 */
import type { BoardCardRow, ContractListItem, UserRecord } from '@kader/db';
import { csvLine, labelOf, maskNik } from '@kader/workflow';
import type { ContractCard } from '../contracts/views';
import type { PeriodView } from '../views';
import { csvDate, csvDateInZone, csvNumber, csvScore } from './csv';

export type ExportColumn<R> = { title: string; cell: (row: R) => string };

/** The header line of a set of columns. */
export function headerLine<R>(columns: readonly ExportColumn<R>[]): string {
  return csvLine(columns.map((c) => c.title));
}

/** The lines of a page of rows. */
export function rowLines<R>(columns: readonly ExportColumn<R>[], rows: readonly R[]): string {
  let text = '';
  for (const row of rows) text += csvLine(columns.map((c) => c.cell(row)));
  return text;
}

/** The NIK as this export may carry it: whole only when `openExport` allowed it (and logs it). */
const nikCell = (nik: string, fullNik: boolean): string => (fullNik ? nik : maskNik(nik));

/** A period's board: one row per application, column by column as the board shows them. */
export function boardColumns({ fullNik, timeZone }: { fullNik: boolean; timeZone: string }): ExportColumn<BoardCardRow>[] {
  return [
    { title: 'id_lamaran', cell: (r) => String(r.id) },
    { title: 'nama', cell: (r) => r.candidateName },
    { title: 'nik', cell: (r) => nikCell(r.nik, fullNik) },
    { title: 'wilayah_kerja', cell: (r) => r.workArea },
    { title: 'tahap', cell: (r) => labelOf('id', 'state', r.state) },
    // the day the application entered its stage, in the branch's zone (what "days in stage" counts from)
    { title: 'masuk_tahap', cell: (r) => csvDateInZone(r.stateEnteredAt, timeZone) },
  ];
}

/** An agreement year of the cadres list or the renewal queue: its row and its card (scorecard). */
export type ContractExportRow = { item: ContractListItem; card: ContractCard };

/** A decision names the state it leads to, so it reads as the state's name (`Diperpanjang`, `Tidak diperpanjang`). */
const outcome = (d: 'renew' | 'drop' | null): string =>
  d === null ? '' : labelOf('id', 'contractState', d === 'renew' ? 'renewed' : 'dropped');

export function contractColumns({ fullNik }: { fullNik: boolean }): ExportColumn<ContractExportRow>[] {
  return [
    { title: 'nomor_pks', cell: (r) => r.card.agreementNumber },
    { title: 'nama', cell: (r) => r.card.candidateName },
    { title: 'nik', cell: (r) => nikCell(r.item.nik, fullNik) },
    { title: 'cabang', cell: (r) => r.card.branch.name },
    { title: 'wilayah_kerja', cell: (r) => r.card.workArea },
    { title: 'status', cell: (r) => labelOf('id', 'contractState', r.card.state) },
    { title: 'tanggal_mulai', cell: (r) => csvDate(r.card.startDate) },
    { title: 'tanggal_berakhir', cell: (r) => csvDate(r.card.endDate) },
    { title: 'jatuh_tempo_evaluasi', cell: (r) => csvDate(r.card.evaluationDueOn) },
    { title: 'bulan_dilaporkan', cell: (r) => csvNumber(r.card.monthsReported) },
    { title: 'skor', cell: (r) => csvScore(r.card.score) },
    { title: 'rekomendasi', cell: (r) => outcome(r.card.recommendation) },
    { title: 'keputusan', cell: (r) => outcome(r.card.decision) },
  ];
}

/** An account, with the branch it works in; its times as dates in that branch's zone (head office: Jakarta). */
export type UserExportRow = { user: UserRecord; branch: { code: string; name: string; timeZone: string } | null };

export const HEAD_OFFICE_ZONE = 'Asia/Jakarta';

export function userColumns(): ExportColumn<UserExportRow>[] {
  const zone = (r: UserExportRow) => r.branch?.timeZone ?? HEAD_OFFICE_ZONE;
  return [
    { title: 'nama_pengguna', cell: (r) => r.user.username },
    { title: 'nama', cell: (r) => r.user.name },
    { title: 'peran', cell: (r) => labelOf('id', 'role', r.user.role) },
    { title: 'kode_cabang', cell: (r) => r.branch?.code ?? '' },
    { title: 'cabang', cell: (r) => r.branch?.name ?? '' },
    { title: 'dibuat', cell: (r) => csvDateInZone(r.user.createdAt, zone(r)) },
    { title: 'masuk_terakhir', cell: (r) => csvDateInZone(r.user.lastLoginAt, zone(r)) },
    { title: 'dinonaktifkan', cell: (r) => csvDateInZone(r.user.disabledAt, zone(r)) },
  ];
}

/**
 * The quota page: a period's row (the branch's total, `wilayah_kerja` empty) followed by one row
 * per work area (its own places, empty when it draws on the branch total alone).
 */
export type QuotaExportRow = { period: PeriodView; area: { name: string; quota: number | null; taken: number } | null };

export function quotaColumns(): ExportColumn<QuotaExportRow>[] {
  return [
    { title: 'tahun', cell: (r) => String(r.period.year) },
    { title: 'kode_cabang', cell: (r) => r.period.branch.code },
    { title: 'cabang', cell: (r) => r.period.branch.name },
    { title: 'wilayah_kerja', cell: (r) => r.area?.name ?? '' },
    { title: 'kuota', cell: (r) => csvNumber(r.area ? r.area.quota : r.period.quota) },
    { title: 'terisi', cell: (r) => csvNumber(r.area ? r.area.taken : r.period.quotaUsed) },
    { title: 'pendaftaran_dibuka', cell: (r) => (r.area ? '' : csvDate(r.period.registrationOpensOn)) },
    { title: 'pendaftaran_ditutup', cell: (r) => (r.area ? '' : csvDate(r.period.registrationClosesOn)) },
  ];
}
