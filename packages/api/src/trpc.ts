import { initTRPC } from '@trpc/server';
import type { Context } from './context';
import { toClientError } from './errors';

const t = initTRPC.context<Context>().create({
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

export const router = t.router;
export const publicProcedure = t.procedure.use(mapDomainErrors);
export const createCallerFactory = t.createCallerFactory;
