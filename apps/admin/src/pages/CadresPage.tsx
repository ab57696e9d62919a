import { CONTRACT_STATES } from '@kader/workflow';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import type { ContractCard, ContractListInput } from '../api/types';
import { useMe } from '../auth/useSession';
import { ErrorBox } from '../components/ErrorBox';
import { ExportLinks } from '../components/ExportLinks';
import { formatDate, formatNumber } from '@kader/workflow';
import { useI18n } from '../i18n';
import { usePeriod } from '../period';
import type { CadresSearch } from '../contracts/cadresSearch';
import { useTRPC } from '../trpc';
import { ContractStateBadge, ScoreAndRecommendation } from './contracts/bits';
import { Table } from '../components/Table';
import { useDebounced } from '../components/useDebounced';
import { BranchFilter } from '../components/BranchFilter';

export const CADRES_PAGE_SIZE = 20;

type Cursor = NonNullable<ContractListInput['after']>;

/**
 * The query of the cadres list from the URL's filters and the page's cursor (pure): the server
 * starts after the last row of the page before (keyset paging), so a page costs the same at any depth.
 */
export function cadresQueryInput(search: CadresSearch, after?: Cursor, pageSize = CADRES_PAGE_SIZE): ContractListInput {
  const input: ContractListInput = { pageSize };
  if (after) input.after = after;
  if (search.branch) input.branchId = search.branch;
  if (search.area) input.workAreaId = search.area;
  if (search.state && (CONTRACT_STATES as readonly string[]).includes(search.state)) {
    input.state = search.state as (typeof CONTRACT_STATES)[number];
  }
  if (search.before) input.endingBefore = search.before;
  if (search.q) input.search = search.q;
  return input;
}

export function CadresPage() {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  const headOffice = me?.branch == null;
  const search = useSearch({ from: '/signedIn/app/kader' });
  const navigate = useNavigate({ from: '/kader' });
  const { periods } = usePeriod();

  // work areas of the branch in view (head office without a branch: every area, with its branch)
  const areas = useMemo(() => {
    const seen = new Map<number, string>();
    for (const p of periods) {
      if (search.branch && p.branch.id !== search.branch) continue;
      for (const w of p.workAreas) {
        if (!seen.has(w.id)) seen.set(w.id, headOffice && !search.branch ? `${w.name} (${p.branch.name})` : w.name);
      }
    }
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [periods, search.branch, headOffice]);

  const [text, setText] = useState(search.q ?? '');
  const debounced = useDebounced(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the typed text settles, not each time the URL changes
  useEffect(() => {
    if ((search.q ?? '') !== debounced) {
      void navigate({ search: (s) => ({ ...s, q: debounced || undefined, page: undefined }), replace: true });
    }
  }, [debounced]);

  const setFilter = (patch: Partial<CadresSearch>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });

  // the last row of each page passed, for these filters: next adds one, previous drops one
  const filterKey = JSON.stringify({ ...search, page: undefined });
  const [trailState, setTrailState] = useState<{ key: string; trail: Cursor[] }>({ key: filterKey, trail: [] });
  const trail = trailState.key === filterKey ? trailState.trail : [];
  const input = cadresQueryInput(search, trail.at(-1));
  const list = useQuery(trpc.contracts.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const total = list.data?.total ?? 0;
  const capped = list.data?.totalCapped ?? false;
  const next = list.data?.next ?? null;
  const page = trail.length;
  const pages = `${formatNumber(Math.max(1, Math.ceil(total / CADRES_PAGE_SIZE)), lang)}${capped ? '+' : ''}`;
  const filtered = Boolean(search.branch || search.area || search.state || search.before || search.q);

  return (
    <section className="cadres" aria-busy={list.isFetching}>
      <div className="toolbar">
        <h1>{t('cadres.title')}</h1>
        <p className="muted">{t('cadres.intro')}</p>
      </div>
      <div className="filters panel" data-testid="cadres-filters">
        {headOffice && (
          <BranchFilter
            label={t('cadres.branch')}
            allLabel={t('cadres.allBranches')}
            testId="cadres-filter-branch"
            value={search.branch}
            onChange={(id) => setFilter({ branch: id ?? undefined, area: undefined })}
          />
        )}
        <label className="field-inline">
          <span>{t('cadres.workArea')}</span>
          <select
            data-testid="cadres-filter-area"
            value={search.area ?? ''}
            onChange={(e) => setFilter({ area: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('cadres.allWorkAreas')}</option>
            {areas.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('cadres.state')}</span>
          <select
            data-testid="cadres-filter-state"
            value={search.state ?? ''}
            onChange={(e) => setFilter({ state: e.target.value || undefined })}
          >
            <option value="">{t('cadres.allStates')}</option>
            {CONTRACT_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`contractState.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('cadres.endingBefore')}</span>
          <input
            type="date"
            data-testid="cadres-filter-before"
            value={search.before ?? ''}
            onChange={(e) => setFilter({ before: e.target.value || undefined })}
          />
        </label>
        <label className="field-inline search">
          <span className="sr-only">{t('cadres.search')}</span>
          <input
            type="search"
            data-testid="cadres-filter-search"
            placeholder={`${t('board.search')}: ${t('cadres.searchPlaceholder')}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {filtered && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="cadres-filter-clear"
            onClick={() => {
              setText('');
              void navigate({ search: {} });
            }}
          >
            {t('cadres.clear')}
          </button>
        )}
        <ExportLinks
          list="cadres"
          filters={{
            branchId: search.branch,
            workAreaId: search.area,
            state: search.state,
            endingBefore: search.before,
            search: search.q,
          }}
          withNik
        />
      </div>

      {list.error && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && <p className="muted">{t('app.loading')}</p>}

      {list.data && (
        <div className="panel">
          <p className="muted" data-testid="cadres-total" data-total={total} data-capped={capped || undefined}>
            {t('cadres.total', { n: `${formatNumber(total, lang)}${capped ? '+' : ''}` })}
            {capped && <span className="small"> · {t('cadres.countCapped', { n: formatNumber(total, lang) })}</span>}
          </p>
          {list.data.items.length === 0 ? (
            <p className="muted" data-testid="cadres-empty">
              {t('cadres.empty')}
            </p>
          ) : (
            <Table
              className="cadres-table"
              testId="cadres-table"
              head={
                <>
                  <th>{t('cadres.name')}</th>
                  <th>{t('cadres.nik')}</th>
                  <th>{t('cadres.area')}</th>
                  <th>{t('cadres.agreement')}</th>
                  <th>{t('cadres.period')}</th>
                  <th>{t('cadres.status')}</th>
                  <th className="num">{t('cadres.months')}</th>
                  <th>{t('cadres.score')}</th>
                </>
              }
            >
              {list.data.items.map((c) => (
                <CadreRow key={c.id} card={c} onOpen={() => void navigate({ to: '/kader/$id', params: { id: String(c.id) } })} />
              ))}
            </Table>
          )}
          {(page > 0 || next) && (
            <div className="pager" data-testid="cadres-pager">
              <button
                type="button"
                className="btn btn-small"
                data-testid="cadres-prev"
                disabled={page <= 0}
                onClick={() => setTrailState({ key: filterKey, trail: trail.slice(0, -1) })}
              >
                {t('cadres.prev')}
              </button>
              <span data-testid="cadres-page">{t('cadres.page', { page: page + 1, pages })}</span>
              <button
                type="button"
                className="btn btn-small"
                data-testid="cadres-next"
                disabled={!next}
                onClick={() => next && setTrailState({ key: filterKey, trail: [...trail, next] })}
              >
                {t('cadres.next')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function CadreRow({ card: c, onOpen }: { card: ContractCard; onOpen: () => void }) {
  const { lang } = useI18n();
  return (
    <tr
      className="clickable"
      data-testid={`cadre-row-${c.id}`}
      data-state={c.state}
      data-name={c.candidateName}
      onClick={(e) => {
        // the name is a real link (middle click, keyboard); the rest of the row opens it too
        if ((e.target as HTMLElement).closest('a')) return;
        onOpen();
      }}
    >
      <td>
        <Link to="/kader/$id" params={{ id: String(c.id) }} data-testid={`cadre-link-${c.id}`}>
          {c.candidateName}
        </Link>
      </td>
      <td className="mono nowrap">{c.nikMasked}</td>
      <td>{c.workArea}</td>
      <td className="mono">{c.agreementNumber}</td>
      <td className="nowrap">
        {formatDate(c.startDate, lang)} – {formatDate(c.endDate, lang)}
      </td>
      <td>
        <ContractStateBadge state={c.state} />
      </td>
      <td className="num" data-testid="cadre-row-months">
        {c.monthsReported}
      </td>
      <td>
        <ScoreAndRecommendation score={c.score} recommendation={c.recommendation} testId="cadre-row-score" />
      </td>
    </tr>
  );
}
