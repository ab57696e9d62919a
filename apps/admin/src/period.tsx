import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Period } from './api/types';
import { defaultPeriodId } from './auth/roles';
import { useTRPC } from './trpc';

/** The chosen period is kept per user: `kader.period.<username>`. */
const PERIOD_STORAGE_PREFIX = 'kader.period.';

type PeriodState = {
  periods: Period[];
  period: Period | null;
  setPeriodId: (id: number) => void;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
};

const PeriodContext = createContext<PeriodState | null>(null);

function storedId(userKey: string): number | null {
  try {
    const n = Number(localStorage.getItem(PERIOD_STORAGE_PREFIX + userKey));
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/**
 * Latest year first, then branches in the order they were set up. The default is the newest
 * period of the user's own branch (`defaultPeriodId`); branch users only get their branch's.
 */
export function sortPeriods(periods: Period[]): Period[] {
  return [...periods].sort((a, b) => b.year - a.year || a.branch.id - b.branch.id || a.id - b.id);
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
  const trpc = useTRPC();
  const query = useQuery(trpc.periods.list.queryOptions(undefined, { staleTime: 60_000 }));
  const [chosen, setChosen] = useState<number | null>(() => storedId(userKey));
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
    const fallback = defaultPeriodId(periods, homeBranchId);
    const period = periods.find((p) => p.id === chosen) ?? periods.find((p) => p.id === fallback) ?? null;
    return {
      periods,
      period,
      setPeriodId,
      isLoading: query.isLoading,
      error: query.error,
      refetch: () => void query.refetch(),
    };
  }, [query.data, query.isLoading, query.error, query.refetch, chosen, setPeriodId, homeBranchId]);
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

export function usePeriod(): PeriodState {
  const ctx = useContext(PeriodContext);
  if (!ctx) throw new Error('usePeriod outside PeriodProvider');
  return ctx;
}
