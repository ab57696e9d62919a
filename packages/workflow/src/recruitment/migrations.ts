import type { MigrationSteps } from '../machine/engine';

/**
 * Snapshot migrations between definition versions: `steps[v]` turns a persisted snapshot written
 * by version v into one version v + 1 can resolve. In-flight applications keep working across a
 * definition change because every stored snapshot passes through here before it is restored.
 */
export const recruitmentMigrations: MigrationSteps = {
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
