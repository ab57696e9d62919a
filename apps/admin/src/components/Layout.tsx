import { Link, Outlet } from '@tanstack/react-router';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
import { PeriodProvider, usePeriod } from '../period';

export function Layout() {
  return (
    <PeriodProvider>
      <Header />
      <main className="main">
        <Outlet />
      </main>
    </PeriodProvider>
  );
}

function Header() {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="header">
      <Link to="/" className="brand" data-testid="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-sub">{t('app.subtitle')}</span>
      </Link>
      <nav className="nav">
        <Link to="/" activeOptions={{ exact: true, includeSearch: false }} activeProps={{ className: 'active' }}>
          {t('nav.board')}
        </Link>
        <Link to="/daftar" activeProps={{ className: 'active' }}>
          {t('nav.register')}
        </Link>
      </nav>
      <PeriodSelector />
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
    </header>
  );
}

function PeriodSelector() {
  const { t, lang } = useI18n();
  const { periods, period, setPeriodId, isLoading } = usePeriod();
  if (isLoading) return <div className="period muted">{t('app.loading')}</div>;
  if (!period) return <div className="period muted">{t('period.none')}</div>;
  const left = Math.max(0, period.quota - period.quotaUsed);
  return (
    <div className="period">
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
      <span className="quota" data-testid="quota">
        {t('period.quota')} <b>{formatNumber(period.quota, lang)}</b> · {t('period.quotaLeft')}{' '}
        <b data-testid="quota-left" className={left === 0 ? 'quota-none' : undefined}>
          {formatNumber(left, lang)}
        </b>
      </span>
    </div>
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
