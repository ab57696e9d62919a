import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Instants are UTC ISO-8601 text; calendar dates are `YYYY-MM-DD` text. No `ON DELETE CASCADE`:
 * drizzle's table-rebuild migrations could wipe child tables, and nothing here is ever deleted.
 */
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * The columns every row driven by a versioned machine has (applications, contracts): which
 * machine and version wrote the snapshot, the state as a column for queries, and the revision
 * every command must name (optimistic concurrency).
 */
function machineRow() {
  return {
    machineId: text('machine_id').notNull(),
    machineVersion: integer('machine_version').notNull(),
    state: text('state').notNull(),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    revision: integer('revision').notNull(),
    stateEnteredAt: text('state_entered_at').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  };
}

export const branches = sqliteTable('branches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timeZone: text('time_zone').notNull(),
  /** The branch's numbering of agreements, e.g. `PKS/{seq:3}/{kode}/{yyyy}` (see formatAgreementNumber). */
  agreementNumberPattern: text('agreement_number_pattern').notNull().default('PKS/{seq:3}/{kode}/{yyyy}'),
});

export const workAreas = sqliteTable(
  'work_areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    name: text('name').notNull(),
    /** Kemendagri regency/city code, e.g. `35.77` (Kota Madiun). */
    regionCode: text('region_code'),
    /** Bumped by each change of the code (`branches.setWorkAreaRegion` checks the one the editor saw). */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [uniqueIndex('work_areas_branch_name').on(t.branchId, t.name)],
);

export const recruitmentPeriods = sqliteTable(
  'recruitment_periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    year: integer('year').notNull(),
    /** Cadre places for the branch this year, set by head office. */
    quota: integer('quota').notNull(),
    /** RecruitmentRules JSON (passing grades, documents, eligibility), copied into each application. */
    rules: text('rules', { mode: 'json' }).notNull(),
    /**
     * Registration is taken from the opening to the closing date inclusive, calendar dates in the
     * branch's zone (migration 0014 gave earlier periods their year). Null only on a row written
     * by hand outside the services: no window, the year rule alone applies.
     */
    registrationOpensOn: text('registration_opens_on'),
    registrationClosesOn: text('registration_closes_on'),
    /** Announcement channel codes used (workflow `planning/channels.ts`), in the list version below. */
    channels: text('channels', { mode: 'json' }).notNull().default(sql`'[]'`),
    channelsVersion: integer('channels_version').notNull().default(1),
    /** Every change of the period's dates, channels or area split names the revision it saw. */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [uniqueIndex('periods_branch_year').on(t.branchId, t.year)],
);

/**
 * A period's places per work area, set by the branch within head office's total. No row for an
 * area (every period before 0014): that area has no places of its own, the branch total alone
 * applies; `quota` null likewise (a split cleared for one area keeps its row, nothing is deleted).
 */
export const periodAreaQuotas = sqliteTable(
  'period_area_quotas',
  {
    periodId: integer('period_id')
      .notNull()
      .references(() => recruitmentPeriods.id),
    workAreaId: integer('work_area_id')
      .notNull()
      .references(() => workAreas.id),
    quota: integer('quota'),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.workAreaId] })],
);

/** Personal data lives here and only here, so it can be anonymised without touching the audit log. */
export const candidates = sqliteTable('candidates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nik: text('nik').notNull().unique(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  birthDate: text('birth_date').notNull(),
  sex: text('sex', { enum: ['M', 'F'] }).notNull(),
  education: text('education').notNull(),
  street: text('street').notNull(),
  rtRw: text('rt_rw').notNull(),
  village: text('village').notNull(),
  district: text('district').notNull(),
  regency: text('regency').notNull(),
  // Kemendagri codes of the address (`regions`), set when the address was picked from the dataset;
  // null for a free-text address. No foreign key: a new dataset version replaces `regions` whole.
  provinceCode: text('province_code'),
  regencyCode: text('regency_code'),
  districtCode: text('district_code'),
  villageCode: text('village_code'),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
  /** Optimistic concurrency for corrections of the candidate's data. */
  revision: integer('revision').notNull().default(1),
});

export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => candidates.id),
    periodId: integer('period_id')
      .notNull()
      .references(() => recruitmentPeriods.id),
    workAreaId: integer('work_area_id')
      .notNull()
      .references(() => workAreas.id),
    /** The announcement channel the candidate heard from (workflow `planning/channels.ts`), if asked. */
    heardFrom: text('heard_from'),
    ...machineRow(),
  },
  (t) => [
    uniqueIndex('applications_candidate_period').on(t.candidateId, t.periodId),
    // the board's columns: a page is a walk of one of these in (state_entered_at, id) order from
    // the last card shown (id is the rowid every index ends with), with or without a work area
    index('applications_board').on(t.periodId, t.state, t.stateEnteredAt),
    index('applications_board_area').on(t.periodId, t.state, t.workAreaId, t.stateEnteredAt),
    // a signing checks its number is free among signed applications: an index on the number in the
    // snapshot, so the check is one lookup however many applications there are (the query must
    // spell the expression the same way); partial, so an unsigned application's write never touches it
    index('applications_agreement_number')
      .on(sql`json_extract(${t.snapshot}, '$.context.agreement.number')`)
      .where(sql`json_extract(${t.snapshot}, '$.context.agreement.number') is not null`),
  ],
);

/**
 * How many applications of a period and work area are in each state: the board's counts without a
 * search. Kept by triggers on `applications` (migration 0009: insert, a change of state, period or
 * area, delete), so every writer — the services, the bulk generator, a hand-run statement — keeps
 * them right in its own transaction. A table rebuild of `applications` by drizzle-kit would drop
 * those triggers: such a migration must recreate them.
 */
export const boardCounts = sqliteTable(
  'board_counts',
  {
    periodId: integer('period_id').notNull(),
    workAreaId: integer('work_area_id').notNull(),
    state: text('state').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.workAreaId, t.state] })],
);

/**
 * The selection funnel's read model (docs/architecture.md "The funnel's read model"), kept by the
 * trigger `audit_events_funnel` (migration 0017) on every application audit row that changes the
 * state, so every writer keeps it in its own transaction; triggers on `applications` move an
 * application's counts with a change of period or area, or take them out on a delete. The report
 * reads the two histograms; verify-audit recomputes them from the log. Days are whole days on the
 * branch's calendar, as julian day numbers.
 *
 * `funnelApplications`: one application's standing — the state of its latest change and that
 * change's day, the stay the change ended (`leftState` since `leftDay`), the earliest change's day,
 * the latest entry into active, the furthest stage index (0 registered … 6 active; never goes
 * down) and the registration-to-active sample it counts.
 */
export const funnelApplications = sqliteTable('funnel_applications', {
  applicationId: integer('application_id').primaryKey(),
  periodId: integer('period_id').notNull(),
  workAreaId: integer('work_area_id').notNull(),
  state: text('state').notNull(),
  enteredDay: integer('entered_day').notNull(),
  leftState: text('left_state'),
  leftDay: integer('left_day'),
  registeredDay: integer('registered_day').notNull(),
  activeDay: integer('active_day'),
  furthest: integer('furthest'),
  toActiveDays: integer('to_active_days'),
});

/** Per application and stage left at least once: the days of its stays there so far, summed. */
export const funnelApplicationStages = sqliteTable(
  'funnel_application_stages',
  {
    applicationId: integer('application_id').notNull(),
    stage: text('stage').notNull(),
    days: integer('days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.stage] })],
);

/**
 * The days-in-stage histogram: how many applications of a period and area count `days` in a stage
 * (those that left it and are not back in it; `toActive`: registration to active). Exact, days
 * being whole: the median and p90 are read from it. Buckets at zero stay.
 */
export const funnelStageDays = sqliteTable(
  'funnel_stage_days',
  {
    periodId: integer('period_id').notNull(),
    workAreaId: integer('work_area_id').notNull(),
    stage: text('stage').notNull(),
    days: integer('days').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.workAreaId, t.stage, t.days] })],
);

/** How many applications of a period and area went furthest to each stage index (0 … 6 active). */
export const funnelFurthest = sqliteTable(
  'funnel_furthest',
  {
    periodId: integer('period_id').notNull(),
    workAreaId: integer('work_area_id').notNull(),
    furthest: integer('furthest').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.workAreaId, t.furthest] })],
);

/**
 * The funnel's counts without reading every application: per period, area, state now and
 * announcement channel (`''`: not recorded), like `boardCounts` with the channel. Kept by triggers
 * on `applications` (migration 0019: insert, a change of state, channel, period or area, delete).
 */
export const funnelCounts = sqliteTable(
  'funnel_counts',
  {
    periodId: integer('period_id').notNull(),
    workAreaId: integer('work_area_id').notNull(),
    state: text('state').notNull(),
    channel: text('channel').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.workAreaId, t.state, t.channel] })],
);

/**
 * The applications rejected or withdrawn now, per period and area, by the outcome's stage and
 * reason code in their snapshot (`''`: none recorded). Kept by triggers on `applications`
 * (migration 0019), so the report reads no snapshot's JSON.
 */
export const funnelOutcomes = sqliteTable(
  'funnel_outcomes',
  {
    periodId: integer('period_id').notNull(),
    workAreaId: integer('work_area_id').notNull(),
    state: text('state').notNull(),
    stage: text('stage').notNull(),
    reasonCode: text('reason_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.workAreaId, t.state, t.stage, t.reasonCode] })],
);

/**
 * Append-only (triggers in the migrations refuse UPDATE, DELETE and REPLACE). Rows name people by
 * id only. `seq` numbers an entity's events from 1; seq 1 of an application is its registration,
 * whose payload is the machine input, so a replay needs nothing but this table.
 * `prev_hash`/`hash` chain every row to the one before it (src/auditChain.ts), so a row rewritten
 * by someone with the file in hand, triggers dropped, is found by verify-audit.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    machineVersion: integer('machine_version'),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
    /** Facts the decision saw that are not in the payload, e.g. the quota count at a signing. */
    meta: text('meta', { mode: 'json' }),
    /** The hash of the row before this one in id order; null for the first row. */
    prevHash: text('prev_hash'),
    /** sha256 (hex) over prev_hash and this row's stored content; null only on rows written before 0005 until migrateDatabase seals them. */
    hash: text('hash'),
  },
  (t) => [uniqueIndex('audit_entity_seq').on(t.entityType, t.entityId, t.seq)],
);

/** Staff who sign in. Head-office users have no branch. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['recruiter', 'supervisor', 'viewer', 'admin'] }).notNull(),
  branchId: integer('branch_id').references(() => branches.id),
  /** scrypt$N$r$p$salt$hash (base64url), never logged, never returned. */
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  disabledAt: text('disabled_at'),
  lastLoginAt: text('last_login_at'),
  /** Demo users exist only in a database seeded in demo mode. */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    endedAt: text('ended_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed sign-ins, by account name and by address, for rate limiting (kept short-lived). */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.at)],
);

/** Every view of a full NIK: who, when, which candidate (personal-data law). */
export const nikViews = sqliteTable('nik_views', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  candidateId: integer('candidate_id')
    .notNull()
    .references(() => candidates.id),
  at: text('at').notNull(),
});

/** Facts about this database itself, e.g. `mode = demo` once the demo seed ran. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * One agreement year of a cadre (the contract machine's row). The first year comes from the
 * application that reached active; each renewal is a new row linked to the year before.
 */
export const contracts = sqliteTable(
  'contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => candidates.id),
    applicationId: integer('application_id').references(() => applications.id),
    previousContractId: integer('previous_contract_id'),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    workAreaId: integer('work_area_id')
      .notNull()
      .references(() => workAreas.id),
    agreementNumber: text('agreement_number').notNull().unique(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** The calendar dates the scheduler acts on, in the branch's zone. */
    evaluationDueOn: text('evaluation_due_on').notNull(),
    familiesAssigned: integer('families_assigned').notNull().default(500),
    ...machineRow(),
  },
  (t) => [
    // the cadres list walks one of these in (end_date, id) order from the last row shown,
    // whichever of branch, area and state it is filtered on (the rowid ends every index)
    index('contracts_branch_state_end').on(t.branchId, t.state, t.endDate),
    index('contracts_branch_end').on(t.branchId, t.endDate),
    index('contracts_area_end').on(t.workAreaId, t.endDate),
    // a signing's number and quota count a branch's years by start date (a range of this index);
    // an application page lists the candidate's years. "Cadres per year" (db
    // queries/reportCadres.ts) counts a branch's agreements by start year, area, state and kind
    // from this index alone: a contract row carries its snapshot, and reading 10,000 of them cost
    // the report most of its time (docs/architecture.md "Reports")
    index('contracts_branch_start').on(t.branchId, t.startDate, t.workAreaId, t.state, t.previousContractId, t.candidateId),
    // the quota's renewed years of a branch starting in a year: only renewals, with their state
    // (and the column the condition names, which SQLite needs to count from the index alone), so
    // the count reads a few index entries and no contract row (every send's answer asks)
    index('contracts_branch_renewed_start')
      .on(t.branchId, t.startDate, t.state, t.previousContractId)
      .where(sql`${t.previousContractId} IS NOT NULL`),
    index('contracts_candidate').on(t.candidateId),
    index('contracts_end').on(t.endDate),
    // the scheduler asks only for what is due: active contracts by their evaluation date, open
    // ones by their end date (each term of its query is one index range); end date and branch
    // ride along so the renewal queue sorts its window of soon-due evaluations from the index alone
    index('contracts_state_evaluation').on(t.state, t.evaluationDueOn, t.endDate, t.branchId),
    index('contracts_state_end').on(t.state, t.endDate),
    // "cadres per year" counts the agreements running on a day per area by their dates alone
    index('contracts_area_term').on(t.workAreaId, t.endDate, t.startDate, t.state),
  ],
);

/** A cadre's month (visits, collections by arrears age, report date, meetings): one row per month. */
export const monthlyReports = sqliteTable(
  'monthly_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    month: text('month').notNull(),
    record: text('record', { mode: 'json' }).notNull(),
    revision: integer('revision').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    // The targets report's read model: the month's figures as the scorecard counts them
    // (workflow `monthlyFigures`), written with the record by insertMonthly / updateMonthlyIfRevision
    // in the same statement, backfilled by migration 0016. A report over 120,000 months sums these
    // numbers from one index instead of parsing every record's JSON (~5x faster, docs/architecture.md).
    familiesAssigned: integer('families_assigned').notNull().default(0),
    familiesVisited: integer('families_visited').notNull().default(0),
    /** rupiah collected on arrears 2–24 months old */
    collected: integer('collected').notNull().default(0),
    /** the report's delivery date less the month's last day, in days; null: not delivered */
    reportDaysAfterMonth: integer('report_days_after_month'),
    meetingsAttended: integer('meetings_attended').notNull().default(0),
    // The fee payout's read model: the month's fee statement (workflow `monthlyFeeFigures`, i.e.
    // `feeStatementFor` under the schedule in force for the month), written with the record by the
    // same writers, so the payout's chart sums columns instead of parsing every record's collections
    // (docs/architecture.md "Reports"). `feeScheduleFrom` names the schedule the fee was worked out
    // under: a row whose schedule is no longer the one in force for its month, or that has none
    // (written before migration 0020), is worked out again from its record by the report.
    /** everything collected in the month, rupiah (every line, flagged or not) */
    collectedTotal: integer('collected_total').notNull().default(0),
    /** the month's fee under `feeScheduleFrom`'s schedule; null: not worked out */
    fee: integer('fee'),
    /** lines that earn nothing under that schedule (under 2 months, over 24, no tier) */
    feeFlaggedLines: integer('fee_flagged_lines'),
    /** the effective date of the fee schedule the fee was worked out under; null: none */
    feeScheduleFrom: text('fee_schedule_from'),
  },
  (t) => [
    uniqueIndex('monthly_contract_month').on(t.contractId, t.month),
    // covers the targets report: a contract's months in a range of years, figures from the index alone
    index('monthly_figures').on(
      t.contractId,
      t.month,
      t.familiesAssigned,
      t.familiesVisited,
      t.collected,
      t.reportDaysAfterMonth,
      t.meetingsAttended,
    ),
    // cover the fee payout: a contract's months in a range (one branch, or a region), fee figures
    // from the index alone; and every record of a month in order (head office over every branch: the
    // chart sums a range of this index grouped as it lies, without sorting; the month's table finds
    // that month's records without probing every agreement)
    index('monthly_fees').on(t.contractId, t.month, t.feeScheduleFrom, t.collectedTotal, t.fee),
    index('monthly_fees_by_month').on(t.month, t.feeScheduleFrom, t.collectedTotal, t.fee, t.contractId),
  ],
);

/**
 * The targets report's read model per agreement year and calendar year (docs/architecture.md
 * "Reports"): the sums of its months' figures (`monthly_reports`' figure columns) against the
 * targets of the KPI version its scorecard uses (the one in force on its evaluation date), named by
 * `kpiFrom`. Rewritten for every calendar year of the agreement by `writeMonth` (db
 * `refreshTargetYears`) in the transaction of each month written, so the report sums ~2 rows per
 * agreement instead of grouping its 12 months. An agreement whose rows name another version than
 * the one in force now for it (head office added one since), or with months but no rows (recorded
 * before migration 0021), is summed from its months by the report instead.
 */
export const targetYearFigures = sqliteTable(
  'target_year_figures',
  {
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    year: integer('year').notNull(),
    /** the effective date of the KPI version whose targets these are */
    kpiFrom: text('kpi_from').notNull(),
    months: integer('months').notNull(),
    visited: integer('visited').notNull(),
    /** Σ families assigned × the version's visited share */
    visitsTarget: real('visits_target').notNull(),
    collected: integer('collected').notNull(),
    collectionTarget: integer('collection_target').notNull(),
    reportsOnTime: integer('reports_on_time').notNull(),
    /** Σ min(meetings attended, the version's meetings per month) */
    attended: integer('attended').notNull(),
    meetingsTarget: integer('meetings_target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.year] })],
);

/** Head office's versioned rules (KPI weights and targets, fee schedules), each from a date. */
export const programSettings = sqliteTable(
  'program_settings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['kpi', 'fee'] }).notNull(),
    effectiveFrom: text('effective_from').notNull(),
    value: text('value', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('settings_kind_from').on(t.kind, t.effectiveFrom)],
);

/**
 * Kemendagri's provinces, regencies/cities, districts and villages (dotted codes: `35`, `35.77`,
 * `35.77.01`, `35.77.01.1001`) from the `idn-area-data` package, loaded at first start and replaced
 * whole when the package's version changes (the version loaded is the `regions.dataset` setting).
 * `name_key` is the name in lower case: the address picker's search matches on it.
 */
export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: ['province', 'regency', 'district', 'village'] }).notNull(),
    /** The code one level up; null for a province. */
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
  },
  (t) => [
    // the picker asks within a parent (the villages of one district): one range of this index, in name order
    index('regions_parent_name').on(t.parentCode, t.nameKey),
    // a search without a parent: a name prefix is one range of this index; a part of a name walks the level
    index('regions_level_name').on(t.level, t.nameKey),
  ],
);
