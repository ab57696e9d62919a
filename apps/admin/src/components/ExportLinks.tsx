import { canWorkApplications } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n';

/** The lists the server exports (`GET /export/<list>.csv`, apps/server `exports.ts`). */
export type ExportList = 'board' | 'cadres' | 'renewals' | 'users' | 'quota';

/** The export's address with the list's current filters (undefined and empty ones left out). */
export function exportHref(list: ExportList, filters: Record<string, string | number | undefined>, fullNik = false): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  if (fullNik) query.set('nik', 'full');
  const text = query.toString();
  return `/export/${list}.csv${text ? `?${text}` : ''}`;
}

/**
 * "Unduh CSV": plain links, so the browser downloads the file itself with the session cookie and
 * shows its own progress (the file streams from the server; nothing is held in the page). The
 * branch's recruiters and supervisors also get the file with whole NIKs, which the server logs.
 * Links, not buttons with hover menus: a tap on a tablet works the same.
 */
export function ExportLinks({
  list,
  filters,
  withNik = false,
}: {
  list: ExportList;
  filters: Record<string, string | number | undefined>;
  /** the list has NIKs (board, cadres, renewals) */
  withNik?: boolean;
}) {
  const { t } = useI18n();
  const me = useMe();
  const mayReveal = withNik && me !== null && canWorkApplications(me.role);
  return (
    <span className="export-links">
      <a className="btn" href={exportHref(list, filters)} download data-testid={`export-${list}`}>
        {t('export.csv')}
      </a>
      {mayReveal && (
        <a
          className="btn"
          href={exportHref(list, filters, true)}
          download
          title={t('export.fullNikNote')}
          data-testid={`export-${list}-full-nik`}
        >
          {t('export.csvFullNik')}
        </a>
      )}
    </span>
  );
}
