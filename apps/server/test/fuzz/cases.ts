/**
 * Malformed requests generated from the router itself, so a procedure added later is fuzzed
 * without editing the test. Pure: builds request descriptions, sends nothing.
 *
 * Inputs are kept as raw JSON text, because the attacks that matter (`__proto__` as a key, a body
 * that is not JSON at all) cannot be written as JavaScript values and serialised.
 */

/** The part of a zod schema used here (apps/server does not depend on zod itself). */
type Schema = { safeParse(value: unknown): { success: boolean } };

export type ProcedureInfo = {
  path: string;
  type: 'query' | 'mutation';
  access: 'anyone' | 'signedIn' | readonly string[];
  /** The procedure's input schema; undefined when it takes no input. */
  input: Schema | undefined;
};

export type FuzzRequest = {
  procedure: string;
  /** What the case does, for the failure message. */
  label: string;
  method: string;
  /** Path and query, e.g. `/trpc/applications.get?input=…`. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * 'invalid': must be refused with a 4xx and write nothing. 'edge': passes the procedure's own
   * input schema (a prototype name as a string value), so it reaches the service: it must not
   * crash (no 500), but may legitimately act.
   */
  kind: 'invalid' | 'edge';
};

/** Walks a tRPC router's flattened procedure record. */
export function proceduresOf(router: { _def: { procedures: Record<string, unknown> } }): ProcedureInfo[] {
  return Object.entries(router._def.procedures).map(([path, proc]) => {
    const def = (proc as { _def: { type: 'query' | 'mutation'; meta?: { access?: ProcedureInfo['access'] }; inputs: Schema[] } })
      ._def;
    return { path, type: def.type, access: def.meta?.access ?? 'anyone', input: def.inputs[0] };
  });
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
type Check = { check: string; minimum?: number; maximum?: number; length?: number; value?: number; inclusive?: boolean };
/** The length and range limits a schema's checks set (zod 4 keeps them on each check's def). */
function limitsOf(s: unknown): { min?: number; max?: number } {
  const checks = ((defOf(s).checks as Array<{ _zod: { def: Check } }> | undefined) ?? []).map((c) => c._zod.def);
  const out: { min?: number; max?: number } = {};
  for (const c of checks) {
    if (c.check === 'min_length' || c.check === 'min_size') out.min = c.minimum;
    if (c.check === 'max_length' || c.check === 'max_size') out.max = c.maximum;
    if (c.check === 'length_equals') out.min = out.max = c.length;
    if (c.check === 'greater_than' && typeof c.value === 'number') out.min = c.inclusive ? c.value : c.value + 1;
    if (c.check === 'less_than' && typeof c.value === 'number') out.max = c.inclusive ? c.value : c.value - 1;
  }
  return out;
}

/**
 * A plausible value of the schema's shape: the right types and lengths, not necessarily valid
 * (a regex or a refinement is not solved). It gives the mutations below a body to break one field
 * of, so validation reaches past the first field.
 */
export function sampleOf(schema: unknown, depth = 0): unknown {
  if (depth > 8) return null;
  const def = defOf(schema);
  const limits = limitsOf(schema);
  const inner = (key: string) => sampleOf(def[key], depth + 1);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'lazy':
      return sampleOf((def.getter as () => unknown)(), depth + 1);
    case 'string': {
      const length = Math.min(Math.max(limits.min ?? 1, 6), limits.max ?? 40);
      return 'contoh'.padEnd(length, 'x').slice(0, length);
    }
    case 'number':
    case 'int':
    case 'bigint':
      return limits.min ?? 1;
    case 'boolean':
      return true;
    case 'literal':
      return (def.values as unknown[])[0];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, sampleOf(v, depth + 1)]));
    }
    case 'array': {
      return Array.from({ length: Math.max(1, Math.min(limits.min ?? 1, 3)) }, () => inner('element'));
    }
    case 'tuple':
      return (def.items as unknown[]).map((i) => sampleOf(i, depth + 1));
    case 'union':
      return sampleOf((def.options as unknown[])[0], depth + 1);
    case 'intersection':
      return { ...(inner('left') as object), ...(inner('right') as object) };
    case 'record':
      return {};
    case 'date':
      return '2026-01-01';
    case 'null':
      return null;
    default:
      return 'x';
  }
}

/** The object keys of the schema's top level and one level down: the fields to break one at a time. */
function fieldPaths(schema: unknown, prefix: string[] = [], depth = 0): string[][] {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe') s = d.in;
    else break;
  }
  const def = defOf(s);
  if (def.type !== 'object' || depth > 1) return [];
  const out: string[][] = [];
  for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
    out.push([...prefix, key]);
    out.push(...fieldPaths(child, [...prefix, key], depth + 1));
  }
  return out;
}

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const PROTOTYPE_OBJECT =
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"toString":1,"valueOf":{}}';

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

/** Values of the wrong type, size or shape for any field, as JSON text. */
function wrongValues(hugeChars: number): Array<[string, string]> {
  return [
    ['null', 'null'],
    ['string', '"x"'],
    ['empty string', '""'],
    ['negative', '-1'],
    ['huge number', '1e308'],
    ['fraction', '0.5'],
    ['boolean', 'true'],
    ['empty array', '[]'],
    ['empty object', '{}'],
    ['huge string', JSON.stringify('x'.repeat(hugeChars))],
    ['long array', `[${Array.from({ length: 5000 }, () => '0').join(',')}]`],
    ['deep array', deepArray(2000)],
    ['deep object', deepObject(2000)],
    ['prototype keys', PROTOTYPE_OBJECT],
    ['control characters', '"\\u0000\\u202e\\ud800"'],
  ];
}

/** `base` with the value at `path` replaced by raw JSON text. */
function withRaw(base: unknown, path: string[], raw: string): string {
  const marker = '\u0001RAW\u0001';
  const copy = structuredClone(base) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), raw);
}

function passesSchema(schema: Schema | undefined, json: string): boolean {
  if (!schema) return true;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return false;
  }
  return schema.safeParse(value).success;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Every malformed request for one procedure. */
export function casesFor(p: ProcedureInfo): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const isQuery = p.type === 'query';
  const other = isQuery ? 'POST' : 'GET';
  const call = (
    label: string,
    json: string | null,
    kind: FuzzRequest['kind'] = 'invalid',
    headers: Record<string, string> = JSON_HEADERS,
  ) => {
    if (isQuery) {
      const query = json === null ? '' : `?input=${encodeURIComponent(json)}`;
      out.push({ procedure: p.path, label, method: 'GET', url: `/trpc/${p.path}${query}`, headers: {}, kind });
    } else {
      out.push({ procedure: p.path, label, method: 'POST', url: `/trpc/${p.path}`, headers, body: json ?? '', kind });
    }
  };

  // Input JSON that does not parse is refused by every procedure; JSON that parses but fails the
  // schema too, except by a procedure that takes no input (it ignores what it is given).
  const kindOf = (...inputs: string[]): FuzzRequest['kind'] =>
    inputs.some((i) => !passesSchema(p.input, i)) ? 'invalid' : 'edge';

  // The envelope: methods, content types, bodies that are not JSON, batches.
  out.push({
    procedure: p.path,
    label: `${other} instead of ${isQuery ? 'GET' : 'POST'}`,
    method: other,
    url: `/trpc/${p.path}`,
    headers: JSON_HEADERS,
    body: other === 'POST' ? '{}' : undefined,
    kind: 'invalid',
  });
  for (const method of ['PUT', 'DELETE', 'PATCH', 'TRACE']) {
    out.push({
      procedure: p.path,
      label: `method ${method}`,
      method,
      url: `/trpc/${p.path}`,
      headers: JSON_HEADERS,
      body: method === 'TRACE' ? undefined : '{}',
      kind: 'invalid',
    });
  }
  const batchInputs = ['"x"', '[[[]]]'];
  const batchBody = `{"0":${batchInputs[0]},"1":${batchInputs[1]}}`;
  if (isQuery) {
    for (const raw of ['{', '{"id":', 'undefined', '[1,2', '{"a":1}{"b":2}']) {
      out.push({
        procedure: p.path,
        label: `query input ${raw}`,
        method: 'GET',
        url: `/trpc/${p.path}?input=${encodeURIComponent(raw)}`,
        headers: {},
        kind: 'invalid',
      });
    }
    out.push({
      procedure: p.path,
      label: 'query input not URL-encoded',
      method: 'GET',
      url: `/trpc/${p.path}?input=%E0%A4%A`,
      headers: {},
      kind: 'invalid',
    });
    out.push({
      procedure: p.path,
      label: 'batch of malformed inputs',
      method: 'GET',
      url: `/trpc/${p.path},${p.path}?batch=1&input=${encodeURIComponent(batchBody)}`,
      headers: {},
      kind: kindOf(...batchInputs),
    });
    out.push({
      procedure: p.path,
      label: 'batch input that is not an object',
      method: 'GET',
      url: `/trpc/${p.path},${p.path}?batch=1&input=${encodeURIComponent('[1,2]')}`,
      headers: {},
      kind: kindOf('1', '2'),
    });
  } else {
    for (const raw of ['{', '{"id":', 'undefined', '\u0000', '\ufeff{}x', 'null null', '{"a":1}{"b":2}']) {
      call(`body ${JSON.stringify(raw)}`, raw);
    }
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=utf-16',
    ]) {
      call(`content type ${type}`, '"x"', kindOf('"x"'), { 'content-type': type });
    }
    out.push({
      procedure: p.path,
      label: 'batch of malformed inputs',
      method: 'POST',
      url: `/trpc/${p.path},${p.path}?batch=1`,
      headers: JSON_HEADERS,
      body: batchBody,
      kind: kindOf(...batchInputs),
    });
    out.push({
      procedure: p.path,
      label: 'batch body that is an array',
      method: 'POST',
      url: `/trpc/${p.path},${p.path}?batch=1`,
      headers: JSON_HEADERS,
      body: '[1,2]',
      kind: kindOf('1', '2'),
    });
  }

  if (!p.input) {
    // Input is ignored by a procedure that takes none: one try shows it stays ignored.
    call('input given to a procedure that takes none', PROTOTYPE_OBJECT, 'edge');
    return out;
  }

  // The input as a whole of the wrong type.
  for (const [label, raw] of wrongValues(isQuery ? 4000 : 200_000)) {
    if (!passesSchema(p.input, raw)) call(`input: ${label}`, raw);
  }

  // One field at a time broken, the rest plausible.
  const base = sampleOf(p.input);
  for (const path of fieldPaths(p.input)) {
    // A GET's URL has a size limit of its own; a query's huge values stay under it.
    for (const [label, raw] of wrongValues(isQuery ? 2000 : 200_000)) {
      const json = withRaw(base, path, raw);
      if (!passesSchema(p.input, json)) call(`${path.join('.')}: ${label}`, json);
    }
    // Prototype names as string values: a lookup keyed by client text must not find Object's own members.
    for (const name of PROTOTYPE_NAMES) {
      const json = withRaw(base, path, JSON.stringify(name));
      call(`${path.join('.')}: "${name}"`, json, passesSchema(p.input, json) ? 'edge' : 'invalid');
    }
  }
  // Prototype keys beside the plausible fields.
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    const json = JSON.stringify(base).replace(
      /^\{/,
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},`,
    );
    call('prototype keys beside the fields', json, passesSchema(p.input, json) ? 'edge' : 'invalid');
  }
  return out;
}
