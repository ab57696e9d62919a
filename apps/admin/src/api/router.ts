// The router type the UI is checked against: the server's own (type-only import, nothing bundled).
export type { AppRouter } from '@kader/api';
