import {
  type AnyTRPCProcedure as AnyProcedure,
  type AnyTRPCRouter as AnyRouter,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  transformTRPCResponse,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';

/**
 * The calls every page and command of the admin makes — JSON in, one JSON document out, a query by
 * GET or a mutation by POST, alone or batched — answered without tRPC's fetch round trip.
 *
 * tRPC's `resolveResponse` takes a web `Request` and gives back a web `Response`; on Node 20 the
 * two, the body read through them and the abort signals it combines per call cost more CPU than
 * the whole transaction of a send (measured in one run: 1.0 ms per send through it against 0.48 ms
 * through the same procedure, session and context called directly). For a plain call the steps
 * that matter are few and all tRPC's own: find the procedure, call it with the context, and give
 * errors tRPC's shape and status (`getTRPCErrorShape`, `getHTTPStatusCode`, `transformTRPCResponse`,
 * which @trpc/server exports for adapters; it is pinned to one version). Whatever is not plain — a missing procedure, a method that does not fit it,
 * input that is not JSON, another content type, a streamed or HEAD request — is left to
 * `resolveResponse`, so tRPC itself words every refusal of the protocol. A test sends the same
 * requests both ways and compares status, headers and body (`test/plainCalls.test.ts`).
 */
export type PlainRequest = {
  method: string;
  /** The procedure path as it came after `/trpc/`, still URL-encoded. */
  path: string;
  search: URLSearchParams;
  contentType: string | undefined;
  /** `trpc-accept` or an `accept` naming JSON lines: a streamed answer, never plain. */
  wantsStream: boolean;
  body: Buffer | undefined;
};

type PlainCall = { path: string; procedure: AnyProcedure; input: unknown };

export type PlainAnswer = { status: number; body: string };

/** What tRPC's answer to a JSON call carries besides its body (`resolveResponse` sets both). */
export const PLAIN_HEADERS: Readonly<Record<string, string>> = {
  vary: 'trpc-accept, accept',
  'content-type': 'application/json',
};

/** The calls of a plain request, or null to leave it to `resolveResponse`. */
export function plainCalls(
  router: AnyRouter,
  req: PlainRequest,
  maxBatchSize: number,
): { batch: boolean; calls: PlainCall[] } | null {
  if (req.wantsStream) return null;
  const type = req.method === 'GET' ? 'query' : req.method === 'POST' ? 'mutation' : null;
  if (!type) return null;
  if (req.contentType === undefined ? type === 'mutation' : mediaType(req.contentType) !== 'application/json') return null;
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return null;
  }
  const batch = req.search.get('batch') === '1';
  const paths = batch ? path.split(',') : [path];
  if (paths.length > maxBatchSize) return null;
  const inputs = parseInputs(type === 'query' ? req.search.get('input') : req.body, type);
  if (inputs === INVALID) return null;
  if (batch && inputs !== undefined && !isPlainObject(inputs)) return null;
  const { deserialize } = router._def._config.transformer.input;
  const calls: PlainCall[] = [];
  for (const [index, callPath] of paths.entries()) {
    // The flat record of every procedure by its dotted path (no lazily loaded routers here); own
    // keys only, so `constructor` or `__proto__` never reads as a procedure.
    const procedures: Record<string, AnyProcedure> = router._def.procedures;
    if (!Object.hasOwn(procedures, callPath)) return null;
    const procedure = procedures[callPath]!;
    if (procedure._def.type !== type) return null;
    const raw = batch ? (inputs as Record<string, unknown> | undefined)?.[index] : inputs;
    calls.push({ path: callPath, procedure, input: raw === undefined ? undefined : deserialize(raw) });
  }
  return { batch, calls };
}

/** Runs the calls with one context and words the answer as `resolveResponse` does. */
export async function answerPlain(
  router: AnyRouter,
  plain: { batch: boolean; calls: PlainCall[] },
  createContext: () => Promise<unknown>,
): Promise<PlainAnswer> {
  const config = router._def._config;
  let ctx: unknown;
  let contextError: unknown = null;
  try {
    ctx = await createContext();
  } catch (cause) {
    contextError = cause;
  }
  const results = await Promise.all(
    plain.calls.map(async (call, batchIndex) => {
      const type = call.procedure._def.type;
      try {
        if (contextError) throw contextError;
        const data = await call.procedure({
          path: call.path,
          getRawInput: async () => call.input,
          ctx,
          type,
          // No procedure of ours watches for the client going away: every call is one short transaction.
          signal: undefined,
          batchIndex,
        });
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        return { error: getTRPCErrorShape({ config, ctx, error, input: call.input, path: call.path, type }) };
      }
    }),
  );
  const json = plain.batch ? results : results[0]!;
  return { status: getHTTPStatusCode(json), body: JSON.stringify(transformTRPCResponse(config, json)) };
}

const INVALID = Symbol('invalid JSON');

/** The calls' input, as tRPC's JSON content handler reads it: absent is undefined, bad JSON is not plain. */
function parseInputs(raw: string | Buffer | null | undefined, type: 'query' | 'mutation'): unknown {
  // A mutation's body must be JSON (tRPC refuses an empty one); a query may have no `input` at all.
  if (raw === null || raw === undefined || raw.length === 0) return type === 'query' ? undefined : INVALID;
  try {
    return JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return INVALID;
  }
}

function mediaType(contentType: string): string {
  return contentType.split(';', 1)[0]!.trim().toLowerCase();
}

function isPlainObject(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Object]';
}
