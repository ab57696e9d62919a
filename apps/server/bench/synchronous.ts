/**
 * How much does synchronous=FULL cost a recruiter's command? Runs the same real commands
 * (register a candidate, then 9 events to the interview stage) against two fresh database files,
 * one with synchronous=FULL (the default) and one with NORMAL, side by side, and prints both.
 *
 *   pnpm --filter @kader/server bench:sync [candidates=40]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getApplication, registerCandidate, sendApplicationEvent, systemContext } from '@kader/api';
import { insertBranch, insertPeriod, insertWorkArea, migrateDatabase, openDatabase } from '@kader/db';
import { DEFAULT_RECRUITMENT_RULES, registerCandidateSchema, type RecruitmentEvent } from '@kader/workflow';

const candidates = Number(process.argv[2] ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'kader-bench-'));

let round = 0;
function run(mode: 'FULL' | 'NORMAL') {
  const handle = openDatabase(join(dir, `${mode}-${++round}.db`));
  migrateDatabase(handle);
  handle.sqlite.pragma(`synchronous = ${mode}`);
  const branch = insertBranch(handle.db, { code: 'KC-B', name: 'KC Bench', timeZone: 'Asia/Jakarta' });
  const area = insertWorkArea(handle.db, { branchId: branch.id, name: 'Kota Bench' });
  const period = insertPeriod(handle.db, { branchId: branch.id, year: 2026, quota: 1000, rules: DEFAULT_RECRUITMENT_RULES });
  const ctx = systemContext(handle, () => new Date(), 'bench');
  const events: RecruitmentEvent[] = [
    { type: 'BEGIN_ADMIN_CHECK' },
    ...(['KTP', 'KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN'] as const).map((document) => ({
      type: 'VERIFY_DOCUMENT' as const,
      document,
    })),
    { type: 'COMPLETE_ADMIN_CHECK' },
    { type: 'RECORD_WRITTEN_TEST_SCORE', score: 80, notes: '' },
  ];
  let commands = 0;
  const t0 = performance.now();
  for (let i = 0; i < candidates; i++) {
    const nik = `357701120385${String(i + 1).padStart(4, '0')}`;
    const input = registerCandidateSchema.parse({
      periodId: period.id,
      workAreaId: area.id,
      candidate: {
        nik,
        name: `Calon ${i}`,
        phone: '081234567890',
        education: 'SMA',
        address: { street: 'Jl. A', rtRw: '001/001', village: 'V', district: 'D', regency: 'R' },
      },
    });
    const { applicationId: id } = registerCandidate({ ctx, input });
    commands++;
    for (const event of events) {
      const { revision } = getApplication({ ctx, input: { id } });
      sendApplicationEvent({ ctx, input: { id, revision, event } });
      commands++;
    }
  }
  const ms = performance.now() - t0;
  handle.close();
  return { mode, commands, ms, perCommand: ms / commands };
}

try {
  // Alternate the order and keep the better of two rounds, so a warm cache favours neither.
  const rounds = [run('FULL'), run('NORMAL'), run('NORMAL'), run('FULL')];
  const best = (m: string) => rounds.filter((r) => r.mode === m).sort((a, b) => a.ms - b.ms)[0]!;
  const full = best('FULL');
  const normal = best('NORMAL');
  for (const r of [full, normal]) {
    console.log(
      `synchronous=${r.mode.padEnd(6)} ${r.commands} commands in ${r.ms.toFixed(0)} ms = ${r.perCommand.toFixed(2)} ms/command`,
    );
  }
  console.log(`FULL / NORMAL = ${(full.ms / normal.ms).toFixed(2)}x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
