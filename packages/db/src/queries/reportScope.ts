/**
 * What every report statement is narrowed by: one branch or every one, and a region. Each report's
 * filter builds on these, and every statement narrows by region the same way.
 */

/** Where a report looks. */
export type ReportArea = {
  /** null: every branch (head office) */
  branchId: number | null;
  /** a work area's Kemendagri code (`35.77`) or a province's (`35`): areas with that code or under it */
  regionCode: string | null;
};

/** Where and over which years (agreement or period years, as each report counts them). */
export type ReportSpan = ReportArea & { fromYear: number; toYear: number };

/** A work area (`w`) in the region: its code is the region's or under it; with `regionParams`. */
export const IN_REGION = '(@regionCode IS NULL OR w.region_code = @regionCode OR w.region_code LIKE @regionPrefix)';

/** The named parameters IN_REGION takes. */
export const regionParams = (regionCode: string | null) => ({
  regionCode,
  regionPrefix: regionCode === null ? null : `${regionCode}.%`,
});
