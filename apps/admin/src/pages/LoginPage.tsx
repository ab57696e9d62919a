import { loginSchema, msg } from '@kader/workflow';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { kaderError } from '../api/errors';
import { afterLogin, isTooManyRequests, isUnauthenticated } from '../auth/session';
import { forgetSessionData, NO_AUTH_REDIRECT, queryClient } from '../client';
import { errorText } from '../components/ErrorBox';
import { FormActions } from '../components/forms';
import { LangSwitch } from '../components/Layout';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';

/** `/masuk`: user name and password. The server's answer never says which of the two was wrong. */
export function LoginPage() {
  const { t, tmsg } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const navigate = useNavigate();
  const search = useSearch({ from: '/masuk' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      meta: NO_AUTH_REDIRECT,
      onSuccess: async ({ user }) => {
        // nothing of whoever used this browser before
        forgetSessionData();
        queryClient.setQueryData(trpc.auth.me.queryKey(), { user });
        const next = afterLogin(user, search.redirect);
        if (next.changePassword) {
          await navigate({ to: '/kata-sandi', search: next.target === '/' ? {} : { redirect: next.target } });
        } else {
          await router.navigate({ href: next.target });
        }
      },
      onError: () => {
        setPassword('');
        passwordRef.current?.focus();
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // the shared sign-in schema: both fields given (one sentence says so for both)
    const checked = loginSchema.safeParse({ username, password });
    setMissing(!checked.success);
    if (checked.success) login.mutate(checked.data);
  };

  let error: string | null = null;
  if (missing) error = t('login.required');
  else if (login.error) {
    const err = login.error;
    const refusal = kaderError(err);
    // the server's message (wrong name or password, too many attempts) in the user's language
    if (refusal && (refusal.reason || refusal.message)) error = tmsg(refusal);
    else if (isTooManyRequests(err)) error = t('login.tooMany');
    else if (isUnauthenticated(err)) error = tmsg(msg('LOGIN_FAILED'));
    else error = errorText(err, tmsg, t('app.networkError'), t('app.unknownError'));
  }

  return (
    <main className="auth-main">
      <section className="panel auth-panel">
        <div className="auth-top">
          <div className="brand brand-static">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-sub">{t('app.subtitle')}</span>
          </div>
          <LangSwitch />
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{search.redirect ? t('login.continue') : t('login.intro')}</p>
        <form onSubmit={submit} noValidate className="auth-form" data-testid="login-form">
          {error && (
            <div
              className="alert alert-error"
              role="alert"
              data-testid="login-error"
              data-code={login.error && isTooManyRequests(login.error) ? 'TOO_MANY_REQUESTS' : undefined}
            >
              {error}
            </div>
          )}
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              data-testid="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              // biome-ignore lint/a11y/noAutofocus: the sign-in page has one thing to do; the cursor starts there
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              data-testid="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              ref={passwordRef}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <FormActions
            idPrefix="login"
            pending={login.isPending}
            label={t('login.submit')}
            pendingLabel={t('login.submitting')}
          />
        </form>
      </section>
    </main>
  );
}
