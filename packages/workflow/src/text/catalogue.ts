/**
 * The catalogue: every message a person may read from the server or a schema, by id, in Bahasa
 * Indonesia and English. The server renders `message` in Indonesian for API clients; the admin
 * renders the user's language from `reason` and `params`. Sections per area of the domain.
 */
import type { $ZodIssue } from 'zod/v4/core';
import type { Lang } from './format';
import { type Entry, fmtFor, type Params } from './message';
import { candidateImportMessages } from './messages/candidateImport';
import { commonMessages } from './messages/common';
import { contractMessages } from './messages/contract';
import { httpMessages } from './messages/http';
import { peopleMessages } from './messages/people';
import { periodMessages } from './messages/periods';
import { recruitmentMessages } from './messages/recruitment';

export const catalogue = {
  ...commonMessages,
  ...httpMessages,
  ...recruitmentMessages,
  ...contractMessages,
  ...peopleMessages,
  ...periodMessages,
  ...candidateImportMessages,
};

export type MessageId = keyof typeof catalogue;
type EntryOf<K extends MessageId> = (typeof catalogue)[K];
export type ParamsOf<K extends MessageId> = EntryOf<K> extends Entry<infer P> ? P : never;

/** A message as it travels: an id and its parameters (JSON). */
export type Message = { [K in MessageId]: { reason: K; params: ParamsOf<K> } }[MessageId];
/** A message naming the field it is about (`candidate.nik`, `event.signedOn`). */
export type FieldMessage = Message & { path: string };

type ParamArgs<K extends MessageId> = keyof ParamsOf<K> extends never ? [] : [params: ParamsOf<K>];

/** `msg('NOT_FOUND', { entity: 'application', id: 12 })`: the parameters are checked against the entry. */
export function msg<K extends MessageId>(reason: K, ...params: ParamArgs<K>): Message {
  return { reason, params: (params[0] ?? {}) as ParamsOf<K> } as unknown as Message;
}

/** The same message about one field. */
export function fieldMsg<K extends MessageId>(path: string, reason: K, ...params: ParamArgs<K>): FieldMessage {
  return { path, ...msg(reason, ...params) };
}

export function isMessageId(id: unknown): id is MessageId {
  return typeof id === 'string' && Object.hasOwn(catalogue, id);
}

/**
 * A message in a language; null when the id is not in this catalogue (an older client reading a
 * newer server), so the caller can show the server's own sentence instead.
 */
export function renderMessage(lang: Lang, message: { reason: string; params?: Params | undefined }): string | null {
  if (!isMessageId(message.reason)) return null;
  const entry = catalogue[message.reason] as unknown as Entry<Params>;
  return entry[lang](message.params ?? {}, fmtFor(lang));
}

/** `renderMessage` for a message known to be in the catalogue (the server's own). */
export function render(lang: Lang, message: Message): string {
  return renderMessage(lang, message) ?? message.reason;
}

const NUMERIC_ORIGINS = new Set(['number', 'int', 'bigint']);

/**
 * The message id for a schema issue that states none of its own, by its kind. Installed as zod's
 * global error map below, where the issue still carries its input (so a missing value reads
 * "required", not "not a number"), and zod's own English never reaches a person.
 */
export function messageIdOfIssue(issue: {
  code: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: unknown;
  inclusive?: boolean;
}): MessageId {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return 'FIELD_REQUIRED';
      if (issue.expected === 'int') return 'NOT_WHOLE_NUMBER';
      return issue.expected === 'number' ? 'NOT_A_NUMBER' : 'FIELD_INVALID';
    case 'too_small':
      // `.positive()` is an exclusive bound: "more than 0", not "at least 0"
      if (NUMERIC_ORIGINS.has(issue.origin ?? '')) return issue.inclusive === false ? 'NUMBER_NOT_ABOVE' : 'NUMBER_TOO_SMALL';
      if (issue.origin === 'array' || issue.origin === 'set') return 'LIST_TOO_SHORT';
      return Number(issue.minimum) <= 1 ? 'FIELD_REQUIRED' : 'FIELD_TOO_SHORT';
    case 'too_big':
      if (NUMERIC_ORIGINS.has(issue.origin ?? '')) return issue.inclusive === false ? 'NUMBER_NOT_BELOW' : 'NUMBER_TOO_BIG';
      return issue.origin === 'array' || issue.origin === 'set' ? 'LIST_TOO_LONG' : 'FIELD_TOO_LONG';
    case 'invalid_value':
    case 'invalid_union':
      return 'CHOOSE_ONE';
    case 'not_multiple_of':
      return 'NOT_WHOLE_NUMBER';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELDS';
    default:
      return 'FIELD_INVALID';
  }
}

/**
 * A schema issue as a message. A schema states its message as a catalogue id (`.min(1,
 * 'FIELD_REQUIRED')`, `ctx.addIssue({ message: 'NIK_DIGITS', params })`), or the error map above
 * names it by its kind (`zodErrorMap.ts`); the issue's bounds (`minimum`, `maximum`), unknown keys and custom `params`
 * become the parameters.
 */
export function issueMessage(issue: $ZodIssue): Message {
  const params: Params = {};
  if ('minimum' in issue) params.minimum = Number(issue.minimum);
  if ('maximum' in issue) params.maximum = Number(issue.maximum);
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys;
  if (issue.code === 'custom') Object.assign(params, issue.params);
  const reason = isMessageId(issue.message) ? issue.message : messageIdOfIssue(issue);
  return { reason, params } as unknown as Message;
}

/** Every issue of a failed parse as field messages (`prefix` names where the parsed value sits). */
export function issueFields(issues: readonly $ZodIssue[], prefix = ''): FieldMessage[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    ...issueMessage(i),
  }));
}
