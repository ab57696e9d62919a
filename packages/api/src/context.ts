import type { IncomingMessage } from 'node:http';
import type { DbHandle } from '@kader/db';

/**
 * Who acts. Until sign-in exists this is a placeholder named by the request; the signed-in user
 * (id, role, branch) replaces it without the services changing, since they only read `ctx.actor`.
 */
export type Actor = { id: string; kind: 'placeholder' | 'system' };

export type Context = {
  handle: DbHandle;
  actor: Actor;
  /** Injected so tests and the seed can fix the time. */
  now: () => Date;
};

const ACTOR_HEADER = 'x-kader-actor';

export function createContextFactory(handle: DbHandle, now: () => Date = () => new Date()) {
  return ({ req }: { req: IncomingMessage }): Context => {
    const raw = req.headers[ACTOR_HEADER];
    const name = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 60);
    return { handle, actor: { id: name || 'petugas-rekrutmen', kind: 'placeholder' }, now };
  };
}
