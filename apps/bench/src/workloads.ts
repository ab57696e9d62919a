/**
 * The three workloads the benchmark compares, each over its own copy of one seeded database file:
 * the storage limit (raw statements), Kader's command (`sendApplicationEvent`) and the machine step
 * alone. All three apply the same events to the same applications: VERIFY_DOCUMENT then
 * UNVERIFY_DOCUMENT of the KTP, pass after pass over every application in the administrative
 * check, so a round can run as long as it likes without an application leaving its stage.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { registerCandidate, sendApplicationEvent, systemContext } from '@kader/api';
import {
  auditRowHash,
  type DbHandle,
  insertBranch,
  insertPeriod,
  insertWorkArea,
  migrateDatabase,
  openDatabase,
} from '@kader/db';
import {
  DEFAULT_RECRUITMENT_RULES,
  dateInZone,
  type RecruitmentEvent,
  recruitmentEngine,
  registerCandidateSchema,
  type StoredSnapshot,
} from '@kader/workflow';

export type Sync = 'FULL' | 'NORMAL';

const ACTOR = 'bench';
const ZONE = 'Asia/Jakarta';

/** The k-th event of a round: pass 0 over the applications verifies the KTP, pass 1 un-verifies it. */
function eventAt(k: number, applications: number): RecruitmentEvent {
  const verify = Math.floor(k / applications) % 2 === 0;
  return { type: verify ? 'VERIFY_DOCUMENT' : 'UNVERIFY_DOCUMENT', document: 'KTP' };
}

function open(file: string, sync: Sync): DbHandle {
  // The product's connection (WAL, foreign keys, busy timeout), then the setting under test.
  const handle = openDatabase(file);
  handle.sqlite.pragma(`synchronous = ${sync}`);
  return handle;
}

/** Every application's id and revision, in id order (the HTTP section shares them out to its clients). */
export function applicationIds(handle: DbHandle): { id: number; revision: number }[] {
  return handle.sqlite.prepare('SELECT id, revision FROM applications ORDER BY id').all() as { id: number; revision: number }[];
}

/**
 * A migrated database with one branch, one period of this year and `applications` candidates
 * registered and moved into the administrative check, through the services (the demo seed's way:
 * synchronous off while it fills). Checkpointed and closed, so a plain file copy is a fresh start.
 */
export function seedTemplate(file: string, applications: number): void {
  const handle = openDatabase(file);
  try {
    migrateDatabase(handle);
    handle.sqlite.pragma('synchronous = OFF');
    const branch = insertBranch(handle.db, { code: 'KC-BENCH', name: 'KC Bench', timeZone: ZONE });
    const area = insertWorkArea(handle.db, { branchId: branch.id, name: 'Kota Bench' });
    const year = Number(dateInZone(new Date(), ZONE).slice(0, 4));
    const period = insertPeriod(handle.db, { branchId: branch.id, year, quota: applications, rules: DEFAULT_RECRUITMENT_RULES });
    const ctx = systemContext(handle, () => new Date(), ACTOR);
    for (let i = 0; i < applications; i++) {
      const input = registerCandidateSchema.parse({
        periodId: period.id,
        workAreaId: area.id,
        candidate: {
          // region 357701, born 12-03-1985, serial i + 1
          nik: `357701120385${String(i + 1).padStart(4, '0')}`,
          name: `Calon ${i + 1}`,
          phone: '081234567890',
          education: 'SMA',
          address: { street: 'Jl. Bench', rtRw: '001/001', village: 'V', district: 'D', regency: 'R' },
        },
      });
      const { applicationId: id } = registerCandidate({ ctx, input });
      sendApplicationEvent({ ctx, input: { id, revision: 1, event: { type: 'BEGIN_ADMIN_CHECK' } } });
    }
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    handle.close();
  }
}

/** What the benchmark prints about the machine's SQLite: its version and the connection's pragmas. */
export function sqliteFacts(file: string): { version: string; pragmas: string } {
  const handle = openDatabase(file);
  try {
    const s = handle.sqlite;
    const version = s.prepare('SELECT sqlite_version()').pluck().get() as string;
    const p = (name: string) => String(s.pragma(name, { simple: true }));
    return {
      version,
      pragmas: `journal_mode=${p('journal_mode')}, foreign_keys=${p('foreign_keys')}, busy_timeout=${p('busy_timeout')}, synchronous FULL (the product's) or NORMAL`,
    };
  } finally {
    handle.close();
  }
}

/**
 * Events sent before the clock starts. A fresh copy has no WAL file: until the first automatic
 * checkpoint (1,000 pages, ~230 sends of ~4.3 pages) every commit grows the file, and at
 * synchronous=FULL an fsync that grows a file also commits the file system's journal (measured:
 * those sends' median ~1.1-1.5 ms against ~0.8 ms once the WAL is reused). A server pays that once
 * after it opens the file; timing it would charge the side with fewer events per round the most.
 */
type Untimed = { untimed?: number };

/** A fresh copy of the template for one round. */
export function copyOf(template: string, file: string): string {
  copyFileSync(template, file);
  return file;
}

/** Removes a round's copy with its WAL and shared-memory files. */
export function removeCopy(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/**
 * The limit: what a send does to storage and nothing more, in raw better-sqlite3 with statements
 * prepared once: in one BEGIN IMMEDIATE transaction, select the application row, update it
 * (snapshot, revision + 1, updated_at, checked against the revision read), insert its audit row.
 * Same schema, so the audit log's triggers run; the row carries the sha256 chain hash they demand
 * (seq and the previous hash are kept in memory: one writer).
 */
export function limitRound(file: string, sync: Sync, events: number, { untimed = 0 }: Untimed = {}): number {
  const handle = open(file, sync);
  try {
    const s = handle.sqlite;
    const ids = applicationIds(handle).map((a) => a.id);
    const select = s.prepare('SELECT * FROM applications WHERE id = ?');
    const update = s.prepare('UPDATE applications SET snapshot = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?');
    const insert = s.prepare(
      `INSERT INTO audit_events (entity_type, entity_id, seq, type, payload, from_state, to_state, machine_version, actor, at, meta, prev_hash, hash)
       VALUES (@entity_type, @entity_id, @seq, @type, @payload, @from_state, @to_state, @machine_version, @actor, @at, @meta, @prev_hash, @hash)`,
    );
    let prevHash = s.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').pluck().get() as string | null;
    const seqs = new Map(
      s
        .prepare("SELECT entity_id, max(seq) FROM audit_events WHERE entity_type = 'application' GROUP BY entity_id")
        .raw()
        .all() as [number, number][],
    );
    type Row = { snapshot: string; revision: number; state: string; machine_version: number };
    const send = s.transaction((id: number, event: RecruitmentEvent) => {
      const row = select.get(id) as Row;
      const at = new Date().toISOString();
      if (update.run(row.snapshot, row.revision + 1, at, id, row.revision).changes !== 1) throw new Error('revision moved');
      const { type, ...payload } = event;
      const seq = (seqs.get(id) ?? 0) + 1;
      const stored = {
        entity_type: 'application',
        entity_id: id,
        seq,
        type,
        payload: JSON.stringify(payload),
        from_state: row.state,
        to_state: row.state,
        machine_version: row.machine_version,
        actor: ACTOR,
        at,
        meta: null,
      };
      const hash = auditRowHash(prevHash, stored);
      insert.run({ ...stored, prev_hash: prevHash, hash });
      seqs.set(id, seq);
      prevHash = hash;
    });
    for (let k = 0; k < untimed; k++) send.immediate(ids[k % ids.length]!, eventAt(k, ids.length));
    const t0 = performance.now();
    for (let k = untimed; k < untimed + events; k++) send.immediate(ids[k % ids.length]!, eventAt(k, ids.length));
    return events / ((performance.now() - t0) / 1000);
  } finally {
    handle.close();
  }
}

/** Kader: the same events through the service verb a request ends in, answer and all. */
export function kaderRound(file: string, sync: Sync, events: number, { untimed = 0 }: Untimed = {}): number {
  const handle = open(file, sync);
  try {
    const apps = applicationIds(handle);
    const ctx = systemContext(handle, () => new Date(), ACTOR);
    const send = (k: number) => {
      const app = apps[k % apps.length]!;
      sendApplicationEvent({ ctx, input: { id: app.id, revision: app.revision, event: eventAt(k, apps.length) } });
      app.revision++;
    };
    for (let k = 0; k < untimed; k++) send(k);
    const t0 = performance.now();
    for (let k = untimed; k < untimed + events; k++) send(k);
    return events / ((performance.now() - t0) / 1000);
  } finally {
    handle.close();
  }
}

/** The stored snapshots the machine-step round starts from, parsed once (no I/O while timed). */
export function storedSnapshots(file: string): StoredSnapshot[] {
  const handle = openDatabase(file);
  try {
    const rows = handle.sqlite.prepare('SELECT machine_version, snapshot FROM applications ORDER BY id').all() as {
      machine_version: number;
      snapshot: string;
    }[];
    return rows.map((r) => ({ version: r.machine_version, persisted: JSON.parse(r.snapshot) as unknown }));
  } finally {
    handle.close();
  }
}

/** The machine step alone: restore the stored snapshot, transition, persist. No database, no JSON. */
export function machineRound(start: StoredSnapshot[], steps: number): number {
  const stored = [...start];
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) {
    const i = k % stored.length;
    const applied = recruitmentEngine.apply(recruitmentEngine.restore(stored[i]!), eventAt(k, stored.length));
    if (!applied.ok) throw new Error(`machine step refused at ${k}`);
    stored[i] = { version: recruitmentEngine.version, persisted: recruitmentEngine.persist(applied.snapshot) };
  }
  return steps / ((performance.now() - t0) / 1000);
}
