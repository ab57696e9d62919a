import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AppRouter } from '../../api/router';
import { type PickedRegion, RegionCombobox } from '../../components/address/RegionCombobox';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldError, FormActions } from '../../components/forms';
import { RefusalMessage } from '../../components/RefusalMessage';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { checkWorkAreaRegion } from './quotaForms';

type WorkArea = inferRouterOutputs<AppRouter>['branches']['workAreas'][number];

/**
 * "Wilayah kerja": a branch's work areas with their Kemendagri regency/city codes (reports filter
 * areas by them), and for head office an edit of each code with the address picker's search: set,
 * changed or cleared over the revision read, so an edit made meanwhile is a conflict, never
 * overwritten. Testids `work-area*`.
 */
export function WorkAreasPanel({
  branch,
  canEdit,
  onClose,
}: {
  branch: { id: number; name: string };
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const areas = useQuery(trpc.branches.workAreas.queryOptions({ branchId: branch.id }));
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);
  return (
    <section ref={ref} className="panel" data-testid="work-areas-panel" data-branch-id={branch.id}>
      <div className="rules-form-head">
        <h2>{t('workArea.title', { branch: branch.name })}</h2>
        <button type="button" className="btn btn-small" data-testid="work-areas-close" onClick={onClose}>
          {t('campaign.close')}
        </button>
      </div>
      <small className="hint">{t('workArea.hint')}</small>
      {areas.error && <ErrorBox error={areas.error} onRetry={() => void areas.refetch()} />}
      {areas.isLoading && <p className="muted">{t('app.loading')}</p>}
      {areas.data && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('workArea.name')}</th>
              <th>{t('workArea.code')}</th>
              <th aria-label={t('app.actions')} />
            </tr>
          </thead>
          <tbody>
            {areas.data.map((a) => (
              <WorkAreaRow key={a.id} area={a} canEdit={canEdit} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One area: its code as stored, and (head office) the picker to change it. */
function WorkAreaRow({ area, canEdit }: { area: WorkArea; canEdit: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stored = area.regionCode ? { code: area.regionCode, name: area.regionName ?? area.regionCode } : undefined;
  const [editing, setEditing] = useState(false);
  const [region, setRegion] = useState<PickedRegion | undefined>(stored);
  const form = useCheckedForm(
    trpc.branches.setWorkAreaRegion.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        // the list again (the new revision), and the periods whose areas carry the code
        void queryClient.invalidateQueries({ queryKey: trpc.branches.workAreas.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
      },
    }),
    {
      saved: (a) =>
        a.regionCode ? t('workArea.saved', { area: a.name, code: a.regionCode }) : t('workArea.cleared', { area: a.name }),
    },
  );
  const id = `work-area-${area.id}`;
  return (
    <tr data-testid={id} data-region-code={area.regionCode ?? ''} data-revision={area.revision}>
      <td>{area.name}</td>
      <td data-testid={`${id}-code`}>
        {area.regionCode ? (
          <>
            {area.regionName} <span className="mono muted">({area.regionCode})</span>
          </>
        ) : (
          <span className="muted">{t('workArea.noCode')}</span>
        )}
        {form.saved && !editing && (
          <p className="alert alert-ok" role="status" data-testid={`${id}-saved`}>
            {form.saved}
          </p>
        )}
      </td>
      <td>
        {canEdit && !editing && (
          <button
            type="button"
            className="btn btn-small"
            data-testid={`${id}-edit`}
            onClick={() => {
              setRegion(stored);
              form.edited();
              setEditing(true);
            }}
          >
            {t('workArea.edit')}
          </button>
        )}
        {editing && (
          <form
            noValidate
            data-testid={`${id}-form`}
            onSubmit={(e: FormEvent) => form.submit(e, checkWorkAreaRegion(area, region))}
          >
            <RegionCombobox
              level="regency"
              anyParent
              label={t('workArea.region')}
              parentCode={undefined}
              value={region}
              onPick={(r) => {
                setRegion(r);
                form.edited('regionCode');
              }}
              testId={`${id}-region`}
            />
            <FieldError error={form.errorOf('regionCode')} testId={`${id}-error`} />
            {form.mutation.error != null && Object.keys(form.server).length === 0 && (
              <RefusalMessage error={form.mutation.error} />
            )}
            <FormActions
              idPrefix={id}
              pending={form.mutation.isPending}
              label={t('quota.save')}
              pendingLabel={t('quota.saving')}
              onCancel={() => setEditing(false)}
            >
              {region && (
                <button
                  type="button"
                  className="btn"
                  data-testid={`${id}-clear`}
                  onClick={() => {
                    setRegion(undefined);
                    form.edited('regionCode');
                  }}
                >
                  {t('workArea.clear')}
                </button>
              )}
            </FormActions>
          </form>
        )}
      </td>
    </tr>
  );
}
