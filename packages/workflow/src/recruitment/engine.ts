import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { RecruitmentEvent, RecruitmentEventType } from './events';
import type { DocumentCode } from './rules';
import {
  isEligible,
  missingDocuments,
  RECRUITMENT_MACHINE_VERSION,
  recruitmentMachine,
  type RecruitmentContext,
  type RecruitmentInput,
  type RecruitmentState,
} from './machine';
import { migrateRecruitmentSnapshot } from './migrations';

/**
 * The pure face of the recruitment machine for the server: start, restore, apply an event.
 * Nothing here reads a clock or a database, so a replay of recorded events is deterministic.
 */
export type RecruitmentSnapshot = SnapshotFrom<typeof recruitmentMachine>;

/** What is stored: JSON of the persisted snapshot plus the definition version that wrote it. */
export type StoredSnapshot = { version: number; persisted: unknown };

export function startApplication(input: RecruitmentInput): RecruitmentSnapshot {
  return initialTransition(recruitmentMachine, input)[0];
}

export function persist(snapshot: RecruitmentSnapshot): unknown {
  return recruitmentMachine.getPersistedSnapshot(snapshot);
}

/** Rebuilds a stored snapshot, migrating it first when an older definition wrote it. */
export function restore(stored: StoredSnapshot): RecruitmentSnapshot {
  const persisted = migrateRecruitmentSnapshot(stored.version, stored.persisted);
  return recruitmentMachine.resolveState(persisted as Parameters<typeof recruitmentMachine.resolveState>[0]);
}

export function stateOf(snapshot: RecruitmentSnapshot): RecruitmentState {
  return snapshot.value as RecruitmentState;
}

/** Event types the current state handles, whether or not a guard would let one through now. */
function handledEvents(snapshot: RecruitmentSnapshot): RecruitmentEventType[] {
  const node = recruitmentMachine.root.states[stateOf(snapshot)];
  return node ? ([...node.ownEvents] as RecruitmentEventType[]) : [];
}

/**
 * Events to try a guard with. A document event is tried for each listed document; a guard that
 * reads the rest of a payload (a score, the debriefing date) is not second-guessed here, so those
 * events stay listed and a refusal names why (`explainRefusal`).
 */
const PAYLOAD_GUARDED: ReadonlySet<RecruitmentEventType> = new Set(['COMPLETE_DEBRIEFING']);
function probes(snapshot: RecruitmentSnapshot, type: RecruitmentEventType): RecruitmentEvent[] {
  if (type === 'VERIFY_DOCUMENT' || type === 'UNVERIFY_DOCUMENT') {
    return snapshot.context.rules.documents.map((d) => ({ type, document: d.code }));
  }
  // score guards fall back to an unguarded branch; context-only guards ignore the rest of the event
  return [{ type } as RecruitmentEvent];
}

/**
 * Event types the current state handles and that can pass now: an event whose guard reads only the
 * context (completing the check, reopening, un-verifying when something is verified) is left out
 * while that guard fails. An event whose guard reads its payload stays (a guard may still refuse it).
 */
export function allowedEvents(snapshot: RecruitmentSnapshot): RecruitmentEventType[] {
  return handledEvents(snapshot).filter(
    (type) => PAYLOAD_GUARDED.has(type) || probes(snapshot, type).some((e) => snapshot.can(e)),
  );
}

export type Applied =
  | { ok: true; snapshot: RecruitmentSnapshot; from: RecruitmentState; to: RecruitmentState }
  | { ok: false; reason: string; allowedEvents: RecruitmentEventType[] };

export function applyEvent(snapshot: RecruitmentSnapshot, event: RecruitmentEvent): Applied {
  const [next] = transition(recruitmentMachine, snapshot, event);
  // xstate hands back the very same object when no transition was taken: an unhandled event and
  // a failed guard look alike, which is exactly when nothing must be written.
  if (next === snapshot) {
    // the refused event is not offered back as "allowed now"
    const allowed = allowedEvents(snapshot).filter((type) => type !== event.type);
    return { ok: false, reason: explainRefusal(snapshot, event), allowedEvents: allowed };
  }
  return { ok: true, snapshot: next, from: stateOf(snapshot), to: stateOf(next) };
}

/** How the documents are named to a recruiter (the admin UI's `doc.*` labels in Indonesian). */
export const DOCUMENT_LABELS: Record<DocumentCode, string> = {
  KTP: 'KTP',
  KK: 'Kartu Keluarga (KK)',
  IJAZAH: 'Ijazah SMA/sederajat',
  SIM: 'SIM',
  PAS_FOTO: 'Pas foto',
  SURAT_LAMARAN: 'Surat lamaran',
  KARTU_AGEN_PPOB: 'Kartu agen PPOB',
};

const documentLabel = (code: string): string => DOCUMENT_LABELS[code as DocumentCode] ?? code;

/** A sentence a recruiter can act on, for a refused event. */
export function explainRefusal(snapshot: RecruitmentSnapshot, event: RecruitmentEvent): string {
  const ctx: RecruitmentContext = snapshot.context;
  const state = stateOf(snapshot);
  if (!handledEvents(snapshot).includes(event.type)) {
    return `Aksi ${event.type} tidak berlaku pada tahap ${state}.`;
  }
  switch (event.type) {
    case 'COMPLETE_ADMIN_CHECK': {
      const parts: string[] = [];
      const missing = missingDocuments(ctx);
      if (missing.length) parts.push(`berkas wajib belum terverifikasi: ${missing.map(documentLabel).join(', ')}`);
      if (!ctx.eligibility.age.ok)
        parts.push(`usia ${ctx.eligibility.age.value} tahun melebihi batas ${ctx.eligibility.age.max} tahun`);
      if (!ctx.eligibility.education.ok) parts.push(`pendidikan ${ctx.eligibility.education.value} di bawah SMA/sederajat`);
      return isEligible(ctx) && !missing.length
        ? 'Seleksi administrasi belum dapat diselesaikan.'
        : `Seleksi administrasi belum dapat diselesaikan: ${parts.join('; ')}.`;
    }
    case 'VERIFY_DOCUMENT':
      return ctx.verifiedDocuments.includes(event.document)
        ? `Berkas ${documentLabel(event.document)} sudah terverifikasi.`
        : `Berkas ${documentLabel(event.document)} tidak termasuk persyaratan periode ini.`;
    case 'UNVERIFY_DOCUMENT':
      return `Berkas ${documentLabel(event.document)} belum terverifikasi.`;
    case 'COMPLETE_DEBRIEFING':
      return 'Tanggal pembekalan tidak boleh sebelum tanggal tanda tangan PKS.';
    case 'CORRECT_WRITTEN_TEST_SCORE':
    case 'CORRECT_INTERVIEW_SCORE':
      return 'Nilai hanya dapat dikoreksi bila lamaran ditolak karena nilai tersebut di bawah ambang batas.';
    default:
      return `Aksi ${event.type} ditolak pada tahap ${state}.`;
  }
}

export { RECRUITMENT_MACHINE_VERSION };
