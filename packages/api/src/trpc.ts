import { msg } from '@kader/workflow';
import { initTRPC } from '@trpc/server';
import type { Role } from './auth/principal';
import type { Context } from './context';
import { DomainError, toClientError } from './errors';

/**
 * Every procedure declares who may call it (`meta.access`); the middleware below enforces it and
 * refuses a procedure that declares nothing, so a forgotten declaration fails closed.
 */
export type Access = 'anyone' | 'signedIn' | readonly Role[];
export type Meta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const { data } = toClientError(error);
      return { ...shape, message: data.message, data: { ...shape.data, stack: undefined, kader: data } };
    },
  });

/** Domain errors become tRPC errors with the right HTTP status here, once, for every procedure. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toClientError(result.error).trpc;
  return result;
});

const enforceAccess = t.middleware(({ ctx, meta, path, next }) => {
  const access = meta?.access;
  if (!access) throw new DomainError('FORBIDDEN', msg('ACCESS_DENIED'));
  if (access === 'anyone') return next();
  const principal = ctx.principal;
  if (!principal) throw new DomainError('UNAUTHENTICATED', msg('SIGN_IN_REQUIRED'));
  if (ctx.mustChangePassword && !path.startsWith('auth.')) {
    throw new DomainError('FORBIDDEN', msg('PASSWORD_CHANGE_FIRST'), { passwordChangeRequired: true });
  }
  if (access !== 'signedIn' && principal.kind === 'user' && !access.includes(principal.role)) {
    throw new DomainError('FORBIDDEN', msg('ROLE_NOT_ALLOWED', { role: principal.role }));
  }
  return next({ ctx: { ...ctx, principal } });
});

/**
 * tRPC reads a call's input only when the procedure declares one, so a procedure without input
 * would answer a body or `?input=` that is not JSON at all as if it were fine. Reading it here
 * refuses malformed JSON for every procedure alike (400); well-formed input stays ignored.
 */
const readInput = t.middleware(async ({ getRawInput, next }) => {
  await getRawInput();
  return next();
});

const base = t.procedure.use(mapDomainErrors).use(readInput).use(enforceAccess);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Reachable without a session: only sign-in and health. */
export const anyoneProcedure = base.meta({ access: 'anyone' });
export const signedInProcedure = base.meta({ access: 'signedIn' });
export const rolesProcedure = (...roles: Role[]) => base.meta({ access: roles });
