import { RECRUITMENT_ENDS, RECRUITMENT_STAGES, type RecruitmentState } from '@kader/workflow/display';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { BoardCard, BoardColumn, Period } from '../api/types';
import { canManageQuota, canRegister } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { DaysInStage, useScheduleLine } from '../components/bits';
import { ErrorBox } from '../components/ErrorBox';
import { ExportLinks } from '../components/ExportLinks';
import { formatNumber } from '@kader/workflow/display';
import { useI18n } from '../i18n';
import { usePeriod } from '../period';
import { useTRPC } from '../trpc';
import { FirstSteps, SetupNudge } from './board/FirstSteps';
import { useDebounced } from '../components/useDebounced';

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
type Cursor = NonNullable<BoardColumn['next']>;
/**
 * Per column, the last card of each page passed: the column shows the page after the last one
 * (keyset paging: the server starts after that card), "back" drops it, and the page number is
 * how many there are.
 */
type Trail = Partial<Record<RecruitmentState, Cursor[]>>;

/** The count as shown: a search's count that stopped at its bound reads "1.000+". */
export function countLabel(column: { total: number; totalCapped: boolean }, lang: 'id' | 'en'): string {
  return `${formatNumber(column.total, lang)}${column.totalCapped ? '+' : ''}`;
}

/**
 * The board query's input. The router asks for the first screen's board (no pages turned) with
 * the same input before this page renders, so both share one query key (issue 10).
 */
export function boardInput(
  periodId: number,
  filter: { area?: number; q?: string },
  after: Partial<Record<RecruitmentState, Cursor>> = {},
) {
  return {
    periodId,
    pageSize: PAGE_SIZE,
    ...(Object.keys(after).length ? { after } : {}),
    ...(filter.area !== undefined ? { workAreaId: filter.area } : {}),
    ...(filter.q ? { search: filter.q } : {}),
  };
}

export function BoardPage() {
  const { t } = useI18n();
  const { period, isLoading, error, refetch } = usePeriod();
  if (error) return <ErrorBox error={error} onRetry={refetch} />;
  if (isLoading) return <p className="muted">{t('app.loading')}</p>;
  if (!period) return <FirstSteps />;
  return <Board period={period} />;
}

function Board({ period }: { period: Period }) {
  const { t, lang } = useI18n();
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
  const [trailState, setTrailState] = useState<{ key: string; trail: Trail }>({ key: filterKey, trail: {} });
  const trail = trailState.key === filterKey ? trailState.trail : {};
  const setTrail = (state: RecruitmentState, cursors: Cursor[]) =>
    setTrailState({ key: filterKey, trail: { ...trail, [state]: cursors } });
  const after: Partial<Record<RecruitmentState, Cursor>> = {};
  for (const [state, cursors] of Object.entries(trail) as [RecruitmentState, Cursor[]][]) {
    const last = cursors.at(-1);
    if (last) after[state] = last;
  }

  const [expanded, setExpanded] = useState<Partial<Record<RecruitmentState, boolean>>>({});

  const input = boardInput(period.id, { area, q: search.q }, after);
  const board = useQuery(trpc.applications.board.queryOptions(input, { placeholderData: keepPreviousData }));

  const columns = new Map<string, BoardColumn>((board.data?.columns ?? []).map((c) => [c.state, c]));
  const column = (state: RecruitmentState): BoardColumn =>
    columns.get(state) ?? { state, total: 0, totalCapped: false, pageSize: PAGE_SIZE, next: null, items: [] };
  const pager = (state: RecruitmentState) => {
    const cursors = trail[state] ?? [];
    return {
      page: cursors.length,
      onNext: (next: Cursor) => setTrail(state, [...cursors, next]),
      onPrev: () => setTrail(state, cursors.slice(0, -1)),
    };
  };
  // a capped count is the bound itself (1,000): the note names it
  const cappedAt = board.data?.columns.find((c) => c.totalCapped)?.total;

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
        <ExportLinks list="board" filters={{ periodId: period.id, workAreaId: area, search: search.q }} withNik />
        {me && canRegister(me.role) && (
          <Link to="/daftar" className="btn btn-primary" data-testid="register-button">
            {t('nav.register')}
          </Link>
        )}
      </div>

      {me && canManageQuota(me.role) && <SetupNudge />}
      {cappedAt !== undefined && (
        <p className="muted small" data-testid="board-count-capped">
          {t('board.countCapped', { n: formatNumber(cappedAt, lang) })}
        </p>
      )}
      {board.error && <ErrorBox error={board.error} onRetry={() => void board.refetch()} />}
      {board.isLoading && (
        <p className="muted" data-testid="board-loading">
          {t('app.loading')}
        </p>
      )}

      <div className="columns">
        {RECRUITMENT_STAGES.map((state) => (
          <Column key={state} column={column(state)} loading={board.isLoading} period={period} pager={pager(state)} />
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
            pager={pager(state)}
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
  /** the page shown (0-based) and the moves to the next and the previous */
  pager: { page: number; onNext: (after: Cursor) => void; onPrev: () => void };
  collapsible?: boolean;
  expanded?: boolean;
  onToggle?: () => void;
}) {
  const { t, td, lang } = useI18n();
  const { column, period, collapsible, expanded, onToggle, pager } = props;
  const state = column.state;
  const head = columnHead(column, props.loading);
  const open = !collapsible || expanded;
  const pageCount = Math.max(1, Math.ceil(column.total / (column.pageSize || PAGE_SIZE)));
  const pages = `${formatNumber(pageCount, lang)}${column.totalCapped ? '+' : ''}`;
  const count =
    head.count === null ? (
      <span className="count count-loading" data-testid="column-count" data-loading="true" aria-hidden="true">
        …
      </span>
    ) : (
      <span
        className="count"
        data-testid="column-count"
        data-capped={column.totalCapped || undefined}
        title={column.totalCapped ? t('board.countCapped', { n: formatNumber(column.total, lang) }) : undefined}
      >
        {countLabel({ total: head.count, totalCapped: column.totalCapped }, lang)}
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
          {!head.loading && (pageCount > 1 || pager.page > 0 || column.next) && (
            <div className="pager">
              <button
                type="button"
                className="btn btn-small"
                data-testid={`column-prev-${state}`}
                disabled={pager.page <= 0}
                onClick={pager.onPrev}
              >
                ‹ {t('board.prev')}
              </button>
              <span className="muted">{t('board.page', { page: pager.page + 1, pages })}</span>
              <button
                type="button"
                className="btn btn-small"
                data-testid={`column-next-${state}`}
                disabled={!column.next}
                onClick={() => column.next && pager.onNext(column.next)}
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
