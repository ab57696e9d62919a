import { RECRUITMENT_ENDS, RECRUITMENT_STAGES, type RecruitmentState } from '@kader/workflow';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { BoardCard, BoardColumn, Period } from '../api/types';
import { canRegister } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { DaysInStage, useScheduleLine } from '../components/bits';
import { ErrorBox } from '../components/ErrorBox';
import { formatNumber } from '@kader/workflow';
import { useI18n } from '../i18n';
import { usePeriod } from '../period';
import { useTRPC } from '../trpc';

const PAGE_SIZE = 20;

/**
 * A column's head and body: while the board loads there is nothing to count yet, so no count and
 * no "no candidates" line (issue 8), only a loading mark.
 */
export function columnHead(
  column: { total: number; items: readonly unknown[] },
  loading: boolean,
): { count: number | null; empty: boolean; loading: boolean } {
  if (loading) return { count: null, empty: false, loading: true };
  return { count: column.total, empty: column.items.length === 0, loading: false };
}
type Pages = Partial<Record<RecruitmentState, number>>;

export function BoardPage() {
  const { t } = useI18n();
  const { period, isLoading, error, refetch } = usePeriod();
  if (error) return <ErrorBox error={error} onRetry={refetch} />;
  if (isLoading) return <p className="muted">{t('app.loading')}</p>;
  if (!period) return <p className="panel">{t('period.none')}</p>;
  return <Board period={period} />;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

function Board({ period }: { period: Period }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  const search = useSearch({ from: '/signedIn/app/' });
  const navigate = useNavigate({ from: '/' });
  const area = period.workAreas.some((w) => w.id === search.area) ? search.area : undefined;

  // the box answers at once; the URL (and the query) follow once typing pauses
  const [text, setText] = useState(search.q ?? '');
  const debounced = useDebounced(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the typed text settles, not each time the URL changes
  useEffect(() => {
    if ((search.q ?? '') !== debounced) {
      void navigate({ search: (s) => ({ ...s, q: debounced || undefined }), replace: true });
    }
  }, [debounced]);

  const filterKey = `${period.id}|${area ?? ''}|${search.q ?? ''}`;
  const [pagesState, setPagesState] = useState<{ key: string; pages: Pages }>({ key: filterKey, pages: {} });
  const pages = pagesState.key === filterKey ? pagesState.pages : {};
  const setPage = (state: RecruitmentState, page: number) =>
    setPagesState({ key: filterKey, pages: { ...pages, [state]: page } });

  const [expanded, setExpanded] = useState<Partial<Record<RecruitmentState, boolean>>>({});

  const input = {
    periodId: period.id,
    pageSize: PAGE_SIZE,
    pages,
    ...(area !== undefined ? { workAreaId: area } : {}),
    ...(search.q ? { search: search.q } : {}),
  };
  const board = useQuery(trpc.applications.board.queryOptions(input, { placeholderData: keepPreviousData }));

  const columns = new Map<string, BoardColumn>((board.data?.columns ?? []).map((c) => [c.state, c]));
  const column = (state: RecruitmentState): BoardColumn =>
    columns.get(state) ?? { state, total: 0, page: 0, pageSize: PAGE_SIZE, items: [] };

  return (
    <section className="board" aria-busy={board.isFetching}>
      <div className="toolbar">
        <h1>{t('board.title')}</h1>
        <label className="field-inline">
          <span>{t('board.workArea')}</span>
          <select
            data-testid="filter-work-area"
            value={area ?? ''}
            onChange={(e) =>
              void navigate({ search: (s) => ({ ...s, area: e.target.value ? Number(e.target.value) : undefined }) })
            }
          >
            <option value="">{t('board.allWorkAreas')}</option>
            {period.workAreas.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline search">
          <span className="sr-only">{t('board.search')}</span>
          <input
            type="search"
            data-testid="filter-search"
            placeholder={`${t('board.search')}: ${t('board.searchPlaceholder')}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {me && canRegister(me.role) && (
          <Link to="/daftar" className="btn btn-primary" data-testid="register-button">
            {t('nav.register')}
          </Link>
        )}
      </div>

      {board.error && <ErrorBox error={board.error} onRetry={() => void board.refetch()} />}
      {board.isLoading && (
        <p className="muted" data-testid="board-loading">
          {t('app.loading')}
        </p>
      )}

      <div className="columns">
        {RECRUITMENT_STAGES.map((state) => (
          <Column
            key={state}
            column={column(state)}
            loading={board.isLoading}
            period={period}
            onPage={(p) => setPage(state, p)}
          />
        ))}
      </div>

      <h2 className="ends-title">{t('board.ends')}</h2>
      <div className="columns columns-ends">
        {RECRUITMENT_ENDS.map((state) => (
          <Column
            key={state}
            column={column(state)}
            loading={board.isLoading}
            period={period}
            onPage={(p) => setPage(state, p)}
            collapsible
            expanded={!!expanded[state]}
            onToggle={() => setExpanded((e) => ({ ...e, [state]: !e[state] }))}
          />
        ))}
      </div>
    </section>
  );
}

function Column(props: {
  column: BoardColumn;
  /** the board's first answer has not come yet */
  loading: boolean;
  period: Period;
  onPage: (page: number) => void;
  collapsible?: boolean;
  expanded?: boolean;
  onToggle?: () => void;
}) {
  const { t, td, lang } = useI18n();
  const { column, period, collapsible, expanded, onToggle, onPage } = props;
  const state = column.state;
  const head = columnHead(column, props.loading);
  const open = !collapsible || expanded;
  const pageCount = Math.max(1, Math.ceil(column.total / (column.pageSize || PAGE_SIZE)));
  const count =
    head.count === null ? (
      <span className="count count-loading" data-testid="column-count" data-loading="true" aria-hidden="true">
        …
      </span>
    ) : (
      <span className="count" data-testid="column-count">
        {formatNumber(head.count, lang)}
      </span>
    );
  return (
    <div
      className={`column column-${state}${open ? '' : ' collapsed'}`}
      aria-busy={head.loading}
      data-testid={`board-column-${state}`}
      data-state={state}
      data-expanded={collapsible ? String(!!expanded) : undefined}
    >
      {collapsible ? (
        <button
          type="button"
          className="column-head column-toggle"
          aria-expanded={!!expanded}
          onClick={onToggle}
          data-testid={`column-toggle-${state}`}
          title={t(expanded ? 'board.collapse' : 'board.expand')}
        >
          <span className="column-title">{td(`state.${state}`, state)}</span>
          {count}
          <span className="chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
        </button>
      ) : (
        <div className="column-head">
          <span className="column-title">{td(`state.${state}`, state)}</span>
          {count}
        </div>
      )}
      {open && (
        <>
          <ul className="cards">
            {column.items.map((card) => (
              <li key={card.id}>
                <Card card={card} timeZone={period.branch.timeZone} />
              </li>
            ))}
            {head.empty && <li className="muted empty">{t('board.empty')}</li>}
          </ul>
          {!head.loading && pageCount > 1 && (
            <div className="pager">
              <button
                type="button"
                className="btn btn-small"
                data-testid={`column-prev-${state}`}
                disabled={column.page <= 0}
                onClick={() => onPage(column.page - 1)}
              >
                ‹ {t('board.prev')}
              </button>
              <span className="muted">{t('board.page', { page: column.page + 1, pages: pageCount })}</span>
              <button
                type="button"
                className="btn btn-small"
                data-testid={`column-next-${state}`}
                disabled={column.page + 1 >= pageCount}
                onClick={() => onPage(column.page + 1)}
              >
                {t('board.next')} ›
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Card({ card, timeZone }: { card: BoardCard; timeZone: string }) {
  const scheduleLine = useScheduleLine();
  const kind = card.state === 'interview' ? 'interview' : 'writtenTest';
  return (
    <Link to="/lamaran/$id" params={{ id: String(card.id) }} className="card" data-testid={`card-${card.id}`}>
      <span className="card-name">{card.candidateName}</span>
      <span className="card-nik mono">{card.nikMasked}</span>
      <span className="card-meta">
        <span>{card.workArea}</span>
        <span className="days">
          <DaysInStage enteredAt={card.stateEnteredAt} timeZone={timeZone} />
        </span>
      </span>
      {card.schedule && <span className="card-schedule">{scheduleLine(kind, card.schedule, timeZone)}</span>}
    </Link>
  );
}
