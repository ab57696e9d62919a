export { appRouter, createCaller, type AppRouter } from './root';
export { createContextFactory, systemContext, NO_COOKIES, type Context, type CookieJar } from './context';
export { DomainError, type KaderErrorData, type DomainErrorCode } from './errors';
export { hashPassword, verifyPassword, type ScryptParams } from './auth/password';
export { ROLES, type Role, type Principal } from './auth/principal';
export { SESSION_COOKIE } from './auth/sessions';
export { registerCandidate } from './services/registerCandidate';
export { sendApplicationEvent } from './services/sendApplicationEvent';
export { getApplication } from './services/getApplication';
export { listBoard } from './services/board';
export { listPeriods } from './services/periods';
export { createUser } from './services/users/createUser';
export {
  verifyAuditLog,
  verifyAuditLogInParallel,
  replayFromStart,
  type AuditMismatch,
  type VerifyProgress,
  type VerifyReport,
} from './services/verifyAuditLog';
export { seedDemo, DEMO_PASSWORD, DEMO_USERS } from './services/seedDemo';
export { ensureRegions } from './services/regions/ensureRegions';
export { seedBulk, type BulkSeedOptions, type BulkSeedSummary } from './services/bulkSeed';
export { seededRandom } from './services/bulk/random';
export { adminStatus, createFirstAdmin } from './services/firstAdmin';
export type { ApplicationDetail, PeriodView } from './services/views';
export type { Me } from './services/auth/me';
export type { UserRow } from './services/users/shared';
export { runContractScheduler, SCHEDULER_ACTOR, type SchedulerRun } from './services/contracts/scheduler';
export { listContracts } from './services/contracts/listContracts';
export { renewalQueue } from './services/contracts/renewalQueue';
export type { ContractDetail, ContractCard } from './services/contracts/views';
export { MONTHLY_IMPORT_LIMIT, MONTHLY_IMPORT_TOO_LARGE } from './import/monthlyCsv';
export { CANDIDATE_IMPORT_LIMIT } from './import/candidatesCsv';
export { isExportList, openExport } from './services/exports/openExport';
export { exportRefusal } from './services/exports/exportRefusal';
