import { RECRUITMENT_MACHINE_VERSION } from './machine';

/**
 * Snapshot migrations between definition versions: `steps[v]` turns a persisted snapshot written
 * by version v into one version v + 1 can resolve. In-flight applications keep working across a
 * definition change because every stored snapshot passes through here before it is restored.
 */
type Step = (persisted: Record<string, unknown>) => Record<string, unknown>;
const steps: Record<number, Step> = {
  // v1 -> v2: a schedule gains the list of appointments it replaced; v1 kept none.
  1: (persisted) => {
    const context = persisted.context as { schedules: Record<string, Record<string, unknown> | null> };
    const schedules = Object.fromEntries(
      Object.entries(context.schedules).map(([key, s]) => [key, s ? { ...s, previous: [] } : null]),
    );
    return { ...persisted, context: { ...context, schedules } };
  },
  // v2 -> v3: corrections arrive; nothing was corrected before they existed.
  2: (persisted) => ({ ...persisted, context: { ...(persisted.context as object), corrections: [] } }),
};

/**
 * Migrates to `toVersion`, the current version unless told: a replay stops at the version the next
 * recorded event was written under, because that version's code is what stored the result.
 */
export function migrateRecruitmentSnapshot(
  fromVersion: number,
  persisted: unknown,
  toVersion: number = RECRUITMENT_MACHINE_VERSION,
): unknown {
  if (fromVersion > RECRUITMENT_MACHINE_VERSION || toVersion > RECRUITMENT_MACHINE_VERSION) {
    throw new Error(
      `snapshot version ${Math.max(fromVersion, toVersion)} is newer than this code (${RECRUITMENT_MACHINE_VERSION})`,
    );
  }
  if (toVersion < fromVersion) throw new Error(`cannot migrate a v${fromVersion} snapshot back to the older v${toVersion}`);
  let current = persisted as Record<string, unknown>;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = steps[v];
    if (!step) throw new Error(`no migration from recruitment v${v} to v${v + 1}`);
    current = step(current);
  }
  return current;
}
