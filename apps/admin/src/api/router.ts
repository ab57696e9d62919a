// The router type the UI is checked against. Switch to the real one once packages/api exports it:
// export type { AppRouter } from '@kader/api';
export type { ContractRouter as AppRouter } from './contract-router';
