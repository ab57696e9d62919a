// The router type the UI is checked against. TEMPORARY: the server's own plus the issue-4
// `contracts.*` stub, until packages/api/src/root.ts has `contracts` (type-only, nothing bundled).
export type { AppRouter } from './contractStub';
