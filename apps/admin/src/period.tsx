import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Period } from './api/types';
import { useTRPC } from './trpc';

const PERIOD_STORAGE_KEY = 'kader.period';

type PeriodState = {
  periods: Period[];
  period: Period | null;
  setPeriodId: (id: number) => void;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
};

const PeriodContext = createContext<PeriodState | null>(null);

function storedId(): number | null {
  try {
    const n = Number(localStorage.getItem(PERIOD_STORAGE_KEY));
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/**
 * Latest year first, then branches in the order they were set up (the home branch first), so the
 * default is the newest period of the first branch until sign-in tells us the user's own branch.
 */
export function sortPeriods(periods: Period[]): Period[] {
  return [...periods].sort((a, b) => b.year - a.year || a.branch.id - b.branch.id || a.id - b.id);
}

export function PeriodProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.periods.list.queryOptions(undefined, { staleTime: 60_000 }));
  const [chosen, setChosen] = useState<number | null>(storedId);
  const setPeriodId = useCallback((id: number) => {
    setChosen(id);
    try {
      localStorage.setItem(PERIOD_STORAGE_KEY, String(id));
    } catch {
      // not kept across reloads
    }
  }, []);
  const value = useMemo<PeriodState>(() => {
    const periods = sortPeriods(query.data ?? []);
    const period = periods.find((p) => p.id === chosen) ?? periods[0] ?? null;
    return {
      periods,
      period,
      setPeriodId,
      isLoading: query.isLoading,
      error: query.error,
      refetch: () => void query.refetch(),
    };
  }, [query.data, query.isLoading, query.error, query.refetch, chosen, setPeriodId]);
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

export function usePeriod(): PeriodState {
  const ctx = useContext(PeriodContext);
  if (!ctx) throw new Error('usePeriod outside PeriodProvider');
  return ctx;
}
