import { useMutation } from '@tanstack/react-query';
import { Link, useRouter, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { changePasswordFormSchema } from '@kader/workflow';
import { fieldErrors, kaderError } from '../api/errors';
import { safeRedirect } from '../auth/session';
import { useMe } from '../auth/useSession';
import { NO_AUTH_REDIRECT, queryClient } from '../client';
import { Brand, LangSwitch, UserMenu } from '../components/Layout';
import { errorText } from '../components/ErrorBox';
import { FormActions } from '../components/forms';
import { checkWith, type FormMessages } from '../components/schemaCheck';
import { useI18n, type Key } from '../i18n';
import { useTRPC } from '../trpc';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/**
 * `/kata-sandi`. Forced (before anything else) while `mustChangePassword`: after a reset by an
 * admin, or a new account. Its own plain header: the app's header needs a finished sign-in.
 */
export function ChangePasswordPage() {
  const { t, tmsg } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const me = useMe();
  const search = useSearch({ from: '/signedIn/kata-sandi' });
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [problems, setProblems] = useState<FormMessages>({});
  const [saved, setSaved] = useState(false);
  const forced = me?.mustChangePassword === true;

  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      // a wrong current password is this form's message, not a lost session
      meta: NO_AUTH_REDIRECT,
      onSuccess: async () => {
        const key = trpc.auth.me.queryKey();
        const current = queryClient.getQueryData(key);
        if (current) queryClient.setQueryData(key, { user: { ...current.user, mustChangePassword: false } });
        setValues({ currentPassword: '', newPassword: '', confirm: '' });
        setSaved(true);
        if (forced) await router.navigate({ href: safeRedirect(search.redirect) });
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    // the shared change-password schema, plus the new password typed twice alike
    const checked = checkWith(changePasswordFormSchema, values);
    setProblems(checked.ok ? {} : checked.errors);
    if (checked.ok) change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  const server = fieldErrors(change.error ? kaderError(change.error) : null);
  const errorOf = (f: Field): string | undefined => {
    const m = problems[f] ?? server[f];
    return m ? tmsg(m) : undefined;
  };
  // a refusal not tied to a field (e.g. the current password is wrong) goes above the form
  const formError =
    change.error && Object.keys(server).length === 0
      ? errorText(change.error, tmsg, t('app.networkError'), t('app.unknownError'))
      : null;

  const input = (f: Field, label: Key, autoComplete: string, hint?: string) => (
    <div className={`field${errorOf(f) ? ' has-error' : ''}`}>
      <label htmlFor={`pw-${f}`}>{t(label)}</label>
      <input
        id={`pw-${f}`}
        type="password"
        data-testid={`password-${f}`}
        autoComplete={autoComplete}
        value={values[f]}
        aria-invalid={errorOf(f) ? true : undefined}
        onChange={(e) => {
          setValues((v) => ({ ...v, [f]: e.target.value }));
          setProblems(({ [f]: _gone, ...rest }) => rest);
        }}
      />
      {hint && <small className="hint">{hint}</small>}
      {errorOf(f) && (
        <small className="field-error" data-testid={`password-error-${f}`}>
          {errorOf(f)}
        </small>
      )}
    </div>
  );

  return (
    <>
      <header className="header">
        {forced ? (
          <div className="brand brand-static">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-sub">{t('app.subtitle')}</span>
          </div>
        ) : (
          <Brand />
        )}
        <div className="header-spacer" />
        <LangSwitch />
        {me && <UserMenu me={me} showChangePassword={false} />}
      </header>
      <main className="main auth-main">
        <section className="panel auth-panel">
          <h1>{t('password.title')}</h1>
          {forced && (
            <p className="alert alert-warn" data-testid="password-required">
              {t('password.forced')}
            </p>
          )}
          {saved && !forced && (
            <p className="alert alert-ok" role="status" data-testid="password-saved">
              {t('password.saved')}
            </p>
          )}
          <form onSubmit={submit} noValidate className="auth-form">
            {formError && (
              <div className="alert alert-error" role="alert" data-testid="error-message">
                {formError}
              </div>
            )}
            {/* lets a password manager pair the new password with the account */}
            <input type="text" name="username" autoComplete="username" value={me?.username ?? ''} readOnly hidden />
            {input('currentPassword', 'password.current', 'current-password')}
            {input('newPassword', 'password.new', 'new-password', t('password.newHint'))}
            {input('confirm', 'password.confirm', 'new-password')}
            <FormActions idPrefix="password" pending={change.isPending} label={t('password.submit')}>
              {!forced && (
                <Link to="/" className="btn">
                  {t('app.backToBoard')}
                </Link>
              )}
            </FormActions>
          </form>
        </section>
      </main>
    </>
  );
}
