import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type KaderError, kaderError } from '../api/errors';
import { useI18n } from '../i18n';
import { type Checked, type FormMessages, messagesByPath } from './schemaCheck';

/**
 * A form checked in the browser and sent with one mutation (`options`, e.g. a procedure's
 * `mutationOptions`): the check's problems and the server's field messages (`errorOf`: the
 * server's first), the "saved" message (`saved` of what the server answered), `edited` (an edit
 * forgets the problems, one path's or all, with the "saved" message and the refusal) and `submit`
 * (the check's value is sent, or its problems shown). `serverFields` puts the refusal's field
 * messages on the form's paths (by default as they are, the first per path).
 */
export function useCheckedForm<TData, TError, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  how: {
    saved: (data: TData, input: TVariables) => string;
    serverFields?: (fields: KaderError['fields']) => FormMessages;
  },
) {
  const { tmsg } = useI18n();
  const [problems, setProblems] = useState<FormMessages>({});
  const [saved, setSaved] = useState<string | null>(null);
  const mutation = useMutation({
    ...options,
    onSuccess: (data, input, ...rest) => {
      setSaved(how.saved(data, input));
      return options.onSuccess?.(data, input, ...rest);
    },
  });
  const server = (how.serverFields ?? messagesByPath)(kaderError(mutation.error)?.fields ?? []);
  const errorOf = (path: string) => {
    const e = server[path] ?? problems[path];
    return e ? tmsg(e) : undefined;
  };
  const edited = (path?: string) => {
    setProblems(path === undefined ? {} : ({ [path]: _gone, ...rest }) => rest);
    setSaved(null);
    if (mutation.error) mutation.reset();
  };
  function submit(e: FormEvent, checked: Checked<TVariables>): void;
  function submit<T>(e: FormEvent, checked: Checked<T>, toInput: (value: T) => TVariables): void;
  function submit(e: FormEvent, checked: Checked<unknown>, toInput?: (value: unknown) => TVariables) {
    e.preventDefault();
    setProblems(checked.ok ? {} : checked.errors);
    if (checked.ok) mutation.mutate(toInput ? toInput(checked.value) : (checked.value as TVariables));
  }
  return { mutation, server, problems, errorOf, saved, edited, submit };
}
