import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { Me } from '../api/types';
import { officeLabel, roleLabel } from '../auth/labels';
import { navItems } from '../auth/roles';
import { useLogout, useMe } from '../auth/useSession';
import { formatNumber } from '@kader/workflow/display';
import { useI18n } from '../i18n';
import { headerPeriod, PeriodProvider, usePeriod } from '../period';
import { useTRPC } from '../trpc';
import { ErrorBox } from './ErrorBox';

/** Every page, signed in or not: the DEMO banner, then the page. The tab's title is the app's name. */
export function RootShell() {
  const { t } = useI18n();
  const title = t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <DemoBanner />
      <Outlet />
    </>
  );
}

/** A server started with `demo` says so in `health`; its users and passwords are public. */
function DemoBanner() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const health = useQuery(trpc.health.queryOptions(undefined, { staleTime: Infinity, refetchOnWindowFocus: false }));
  if (health.data?.demo !== true) return null;
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <span>{t('demo.banner')}</span> <span className="demo-hint">{t('demo.hint')}</span>
    </div>
  );
}

/** The signed-in pages: header (navigation, period, language, user menu) and the page. */
export function Layout() {
  const me = useMe();
  if (!me) return null; // signing out: the sign-in page is on its way
  return (
    <PeriodProvider key={me.id} userKey={me.username} homeBranchId={me.branch?.id ?? null}>
      <Header me={me} />
      <main className="main">
        <Outlet />
      </main>
    </PeriodProvider>
  );
}

function Header({ me }: { me: Me }) {
  const { t } = useI18n();
  const items = navItems(me.role);
  return (
    <header className="header">
      <Brand />
      <nav className="nav">
        <Link
          to="/"
          activeOptions={{ exact: true, includeSearch: false }}
          activeProps={{ className: 'active' }}
          data-testid="nav-board"
        >
          {t('nav.board')}
        </Link>
        {items.includes('register') && (
          <Link to="/daftar" activeProps={{ className: 'active' }} data-testid="nav-register">
            {t('nav.register')}
          </Link>
        )}
        {items.includes('cadres') && (
          <Link to="/kader" activeProps={{ className: 'active' }} data-testid="nav-cadres">
            {t('nav.cadres')}
          </Link>
        )}
        {items.includes('renewals') && (
          <Link to="/perpanjangan" activeProps={{ className: 'active' }} data-testid="nav-renewals">
            {t('nav.renewals')}
          </Link>
        )}
        {items.includes('reports') && (
          <Link to="/laporan" activeProps={{ className: 'active' }} data-testid="nav-reports">
            {t('nav.reports')}
          </Link>
        )}
        {items.includes('users') && (
          <Link to="/pengguna" activeProps={{ className: 'active' }} data-testid="nav-users">
            {t('nav.users')}
          </Link>
        )}
        {items.includes('quota') && (
          <Link to="/kuota" activeProps={{ className: 'active' }} data-testid="nav-quota">
            {t('nav.quota')}
          </Link>
        )}
        {items.includes('settings') && (
          <Link to="/pengaturan" activeProps={{ className: 'active' }} data-testid="nav-settings">
            {t('nav.settings')}
          </Link>
        )}
      </nav>
      <PeriodSelector />
      <LangSwitch />
      <UserMenu me={me} />
    </header>
  );
}

export function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand" data-testid="brand">
      <span className="brand-name">{t('app.name')}</span>
      <span className="brand-sub">{t('app.subtitle')}</span>
    </Link>
  );
}

export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      data-lang={lang}
      title={t('lang.switchTitle')}
      onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
    >
      {t('lang.switch')}
    </button>
  );
}

/** Name, role and office; "Ganti kata sandi" and "Keluar". A `<details>`: works without script state. */
export function UserMenu({ me, showChangePassword = true }: { me: Me; showChangePassword?: boolean }) {
  const { t, lang } = useI18n();
  const { logout, pending } = useLogout();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // a click elsewhere or Escape closes it
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details className="user-menu" data-testid="user-menu" ref={ref}>
      <summary data-testid="user-menu-button" aria-label={t('user.menu')}>
        <span className="user-name" data-testid="user-name">
          {me.name}
        </span>
        <span className="user-line" data-testid="user-role" data-role={me.role}>
          {t('user.line', { role: roleLabel(me.role, lang), office: officeLabel(me.branch, lang) })}
        </span>
      </summary>
      <div className="user-menu-items">
        <div className="user-menu-id muted">{me.username}</div>
        {showChangePassword && (
          <Link
            to="/kata-sandi"
            className="user-menu-item"
            data-testid="change-password-link"
            onClick={() => ref.current?.removeAttribute('open')}
          >
            {t('user.changePassword')}
          </Link>
        )}
        <button type="button" className="user-menu-item" data-testid="logout" onClick={logout} disabled={pending}>
          {pending ? t('user.loggingOut') : t('user.logout')}
        </button>
      </div>
    </details>
  );
}

function PeriodSelector() {
  const { t, lang } = useI18n();
  const { periods, period: chosen, setPeriodId, isLoading, pagePeriod } = usePeriod();
  // on an application of another period, its period and its quota: not the chosen one's
  const { period, fromPage } = headerPeriod(chosen, pagePeriod, periods);
  if (isLoading && !period) return <div className="period muted">{t('app.loading')}</div>;
  if (!period) return <div className="period muted">{t('period.none')}</div>;
  const left = Math.max(0, period.quota - period.quotaUsed);
  return (
    <div className="period" data-period-id={period.id} data-from-page={fromPage}>
      {fromPage ? (
        <span className="period-page" data-testid="period-page" title={t('period.ofThisApplication')}>
          {t('period.option', { branch: period.branch.name, year: period.year })}{' '}
          <small className="muted">({t('period.ofThisApplication')})</small>
        </span>
      ) : (
        <label className="period-select">
          <span className="sr-only">{t('period.label')}</span>
          <select
            data-testid="period-select"
            value={period.id}
            onChange={(e) => setPeriodId(Number(e.target.value))}
            aria-label={t('period.label')}
          >
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {t('period.option', { branch: p.branch.name, year: p.year })}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="quota" data-testid="quota">
        {t('period.quota')} <b>{formatNumber(period.quota, lang)}</b> · {t('period.quotaLeft')}{' '}
        <b data-testid="quota-left" className={left === 0 ? 'quota-none' : undefined}>
          {formatNumber(left, lang)}
        </b>
      </span>
    </div>
  );
}

/** The session could not be checked (the server is away): say so, and try again on request. */
export function SessionError({ error }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <main className="main auth-main">
      <ErrorBox error={error} onRetry={() => void router.invalidate()} />
    </main>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="panel">
      <p>{t('app.notFound')}</p>
      <Link to="/">{t('app.backToBoard')}</Link>
    </div>
  );
}
