import type { Db } from './connection';

/** A query function takes the database or an open transaction as its first argument. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
