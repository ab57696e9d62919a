/**
 * What the Madiun study (../shared/domain.md section A) says of the branch from 2017 to 2020: the
 * figures the demo history must give through the reports' own definitions (docs/reports.md).
 */

/** Agreements made in each calendar year (recruited or renewed). */
export const STUDY_CADRES_PER_YEAR: Record<number, number> = { 2017: 12, 2018: 52, 2019: 34, 2020: 15 };

/** The 15 agreements of 2020 by work area. */
export const STUDY_CADRES_2020_BY_AREA: Record<string, number> = {
  'Kota Madiun': 3,
  'Kabupaten Madiun': 4,
  'Kabupaten Magetan': 2,
  'Kabupaten Ponorogo': 4,
  'Kabupaten Ngawi': 2,
};

/** "Targets achieved" per calendar year, in percent of target: visits and dues collected. */
export const STUDY_TARGETS_ACHIEVED: Record<number, { visits: number; dues: number }> = {
  2017: { visits: 9.7, dues: 0 },
  2018: { visits: 12.7, dues: 70.9 },
  2019: { visits: 14, dues: 67.9 },
  2020: { visits: 46.9, dues: 153 },
};
