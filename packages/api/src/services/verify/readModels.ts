import { type DbHandle, type FunnelDifference, funnelMisplacedApplications, funnelReadModelDifferences } from '@kader/db';
import type { AuditMismatch } from './replayEntity';

/** One finding per application or period that differs, with what each side holds ('none': no row). */
function findings(differences: FunnelDifference[]): AuditMismatch[] {
  const byOne = new Map<string, { kind: FunnelDifference['kind']; id: number; model: string[]; log: string[] }>();
  for (const d of differences) {
    const key = `${d.kind}:${d.id}`;
    const one = byOne.get(key) ?? { kind: d.kind, id: d.id, model: [], log: [] };
    one[d.side].push(d.text);
    byOne.set(key, one);
  }
  const side = (texts: string[]) => (texts.length === 0 ? 'none' : texts.join(', '));
  return [...byOne.values()].map(({ kind, id, model, log }) =>
    kind === 'application'
      ? {
          kind: 'application',
          id,
          reason: `funnel read model differs from its audit log: read model ${side(model)}; audit log ${side(log)}`,
        }
      : {
          kind: 'funnel',
          id,
          reason: `funnel read model of period ${id} differs from its audit log: read model ${side(model)}; audit log and applications ${side(log)}`,
        },
  );
}

/**
 * The funnel's read model (funnel_* tables, kept by triggers on the audit log and on applications)
 * checked against what it is kept from, row by row (db's `FUNNEL_CHECK_SQL`, one statement): each
 * application's rows recomputed from its audit rows in one pass and compared with the stored ones;
 * each period's histograms, counts and outcomes compared with GROUP BYs of the recomputed rows and
 * of the applications. Equal rows give equal report figures, which the report computes from them,
 * so no percentile is computed here (the log-based report statement cost seconds at 100,000
 * applications). A difference names the application or the period and both sides; an application
 * counted in another period or area than its own is named on its own. In one read transaction, so
 * that a command committing meanwhile cannot show as a difference.
 */
export function readModelMismatches(handle: DbHandle): AuditMismatch[] {
  return handle.sqlite
    .transaction(() => {
      const moved: AuditMismatch[] = funnelMisplacedApplications(handle.db).map((id) => ({
        kind: 'application',
        id,
        reason: 'funnel read model counts it in another period or work area',
      }));
      return [...moved, ...findings(funnelReadModelDifferences(handle.db))];
    })
    .deferred();
}
