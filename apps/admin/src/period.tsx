import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Period } from './api/types';
import { defaultPeriodId } from './auth/roles';
import { trpc } from './client';

/** The chosen period is kept per user: `kader.period.<username>`. */
const PERIOD_STORAGE_PREFIX = 'kader.period.';
/**
 * The period the board last showed in this browser, whoever chose it: only a guess for the next
 * cold start, which asks for that board together with the session (router.tsx) instead of after it.
 */
const LAST_SHOWN_KEY = 'kader.lastPeriod';

/** periods.list as the header and the router's prefetch both ask for it (one query key). */
export const periodsListOptions = () => trpc.periods.list.queryOptions(undefined, { staleTime: 60_000 });

type PeriodState = {
  periods: Period[];
  period: Period | null;
  setPeriodId: (id: number) => void;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
  /** The period of the record the page shows (an application's), when there is one. */
  pagePeriod: Period | null;
  setPagePeriod: (period: Period | null) => void;
};

const PeriodContext = createContext<PeriodState | null>(null);

function storedNumber(key: string): number | null {
  try {
    const n = Number(localStorage.getItem(key));
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** The period this user chose last, if any. */
export const storedPeriodId = (userKey: string) => storedNumber(PERIOD_STORAGE_PREFIX + userKey);

/** The period the board showed last in this browser (a guess: the session may be another user's). */
export const lastShownPeriodId = () => storedNumber(LAST_SHOWN_KEY);

/**
 * Latest year first, then branches in the order they were set up. The default is the newest
 * period of the user's own branch (`defaultPeriodId`); branch users only get their branch's.
 */
export function sortPeriods(periods: Period[]): Period[] {
  return [...periods].sort((a, b) => b.year - a.year || a.branch.id - b.branch.id || a.id - b.id);
}

/**
 * The order in which to look for a default: this year's periods first, then earlier years (newest
 * first), then years head office has already opened ahead (soonest first). A recruiter works in
 * this year even once next year's quota is set.
 */
export function periodsForDefault<T extends { year: number }>(periods: readonly T[], thisYear: number): T[] {
  const rank = (y: number) => (y <= thisYear ? thisYear - y : 1000 + (y - thisYear));
  return [...periods].sort((a, b) => rank(a.year) - rank(b.year));
}

/**
 * The period the header shows: on a page about one record of another period (an application of
 * 2027 while 2026 is chosen), that record's period, with the list's count of places when the list
 * holds it (it is refetched after every send); elsewhere the chosen one. `fromPage` says the header
 * shows the page's period rather than the choice.
 */
export function headerPeriod<P extends { id: number }>(
  chosen: P | null,
  pagePeriod: P | null,
  periods: readonly P[],
): { period: P | null; fromPage: boolean } {
  if (!pagePeriod || pagePeriod.id === chosen?.id) return { period: chosen, fromPage: false };
  return { period: periods.find((p) => p.id === pagePeriod.id) ?? pagePeriod, fromPage: true };
}

/** Shows `period` in the header while the calling page is mounted. */
export function usePagePeriod(period: Period | null): void {
  const { setPagePeriod } = usePeriod();
  useEffect(() => {
    setPagePeriod(period);
  }, [period, setPagePeriod]);
  useEffect(() => () => setPagePeriod(null), [setPagePeriod]);
}

const currentYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

/**
 * The period the pages show: the user's choice while it is still listed, else the default of
 * their branch. `periods` sorted by `sortPeriods`.
 */
export function choosePeriod<P extends { id: number; year: number; branch: { id: number } }>(
  periods: readonly P[],
  chosenId: number | null,
  homeBranchId: number | null,
): P | null {
  const fallback = defaultPeriodId(periodsForDefault(periods, currentYear()), homeBranchId);
  return periods.find((p) => p.id === chosenId) ?? periods.find((p) => p.id === fallback) ?? null;
}

export function PeriodProvider({
  children,
  userKey,
  homeBranchId,
}: {
  children: ReactNode;
  /** whose choice is remembered */
  userKey: string;
  /** the user's branch; null for head office */
  homeBranchId: number | null;
}) {
  const query = useQuery(periodsListOptions());
  const [chosen, setChosen] = useState<number | null>(() => storedPeriodId(userKey));
  const [pagePeriod, setPagePeriod] = useState<Period | null>(null);
  const setPeriodId = useCallback(
    (id: number) => {
      setChosen(id);
      try {
        localStorage.setItem(PERIOD_STORAGE_PREFIX + userKey, String(id));
      } catch {
        // not kept across reloads
      }
    },
    [userKey],
  );
  const value = useMemo<PeriodState>(() => {
    const periods = sortPeriods(query.data ?? []);
    const period = choosePeriod(periods, chosen, homeBranchId);
    return {
      periods,
      period,
      setPeriodId,
      isLoading: query.isLoading,
      error: query.error,
      refetch: () => void query.refetch(),
      pagePeriod,
      setPagePeriod,
    };
  }, [query.data, query.isLoading, query.error, query.refetch, chosen, setPeriodId, homeBranchId, pagePeriod]);
  const shownId = value.period?.id;
  useEffect(() => {
    if (shownId === undefined) return;
    try {
      localStorage.setItem(LAST_SHOWN_KEY, String(shownId));
    } catch {
      // no guess next time: the board then follows the periods (one round trip more)
    }
  }, [shownId]);
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

export function usePeriod(): PeriodState {
  const ctx = useContext(PeriodContext);
  if (!ctx) throw new Error('usePeriod outside PeriodProvider');
  return ctx;
}
