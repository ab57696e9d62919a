export * from './connection';
export * from './types';
export * as schema from './schema';
export * from './queries/reference';
export * from './queries/candidates';
export * from './queries/applications';
export * from './queries/audit';
export * from './queries/users';
export * from './queries/contracts';
