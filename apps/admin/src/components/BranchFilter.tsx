import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/**
 * Head office's branch filter on a list or a report: every branch, or one. Branch users are not
 * shown it (their branch is the only one they may read), so the branches are asked for only here.
 */
export function BranchFilter({
  label,
  allLabel,
  testId,
  value,
  onChange,
}: {
  label: string;
  allLabel: string;
  testId: string;
  value: number | null | undefined;
  onChange: (branchId: number | null) => void;
}) {
  const trpc = useTRPC();
  const branches = useQuery(trpc.branches.list.queryOptions(undefined, { staleTime: 60_000 }));
  return (
    <label className="field-inline">
      <span>{label}</span>
      <select data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">{allLabel}</option>
        {(branches.data ?? []).map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
