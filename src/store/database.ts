import type { ColumnType, Generated } from 'kysely';
import type { Channel, RoleName } from '../domain/access-policy.js';
import type { AchievementThresholds, CumulativeMode, Direction, GradeThresholds } from '../domain/achievement.js';
import type { CostShareRule } from '../domain/cost-share.js';
import type { ResultState } from '../domain/result-state.js';
import type { AreaKind, BudgetMark, Finding, Plan, Role, TargetKind, Vision } from '../domain/vision.js';

/** A jsonb column: read as T, written as a JSON string (pg would turn a JS array into a Postgres array). */
export type Json<T> = ColumnType<T, string, string>;
/** A timestamptz column with a default: read as an ISO string (see type-parsers.ts), optional on insert. */
export type CreatedAt = ColumnType<string, string | undefined, never>;

export interface AreaTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: AreaKind;
  created_at: CreatedAt;
  /** the published revision the public sees (null before the first); a rollback points it at an earlier one */
  current_revision_id: number | null;
}

export interface MunicipalityTable {
  id: Generated<number>;
  area_id: number;
  /** 全国地方公共団体コード, null when the document did not let the importer know it */
  code: string | null;
  name: string;
  is_central_city: boolean;
  position: number;
}

export interface SourceDocumentTable {
  id: Generated<number>;
  area_id: number;
  file_name: string;
  /** hex SHA-256 of the bytes as uploaded */
  sha256: string;
  byte_size: number;
  /** the decoded text, kept so that a later importer can re-read the same document */
  content: string;
  imported_at: CreatedAt;
}

export interface VisionRevisionTable {
  id: Generated<number>;
  area_id: number;
  /** the document it was imported from; null for a revision drafted in Renkei or saved by a program */
  source_document_id: number | null;
  /** 1, 2, … per area, in creation order */
  seq: number;
  /** as printed, e.g. 「R4年3月」, when the document names its revision */
  label: string | null;
  plan: Json<Plan>;
  structure: Json<Role[]>;
  findings: Json<Finding[]>;
  /** the Vision JSON exactly as imported (the rows are the source of answers; this is the record) */
  vision: Json<Vision>;
  created_at: CreatedAt;
  /** a draft is seen by the area's staff only; a published revision never changes again */
  status: ColumnType<RevisionStatus, RevisionStatus | undefined, RevisionStatus>;
  origin: ColumnType<RevisionOrigin, RevisionOrigin | undefined, never>;
  based_on_revision_id: number | null;
  /** the audit label of who made it (an account's e-mail, `cli`, …) */
  created_by: string | null;
  published_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** bumped by every edit of a draft (ETag / If-Match); a published revision keeps its last */
  version: ColumnType<number, number | undefined, number>;
}

export type RevisionStatus = 'draft' | 'published';
export type RevisionOrigin = 'import' | 'program' | 'draft';

export interface RevisionMunicipalityTable {
  revision_id: number;
  municipality_id: number;
  position: number;
}

/** The identity of a project across revisions (numbers and names change; this id does not). */
export interface ProjectKeyTable {
  id: Generated<number>;
  area_id: number;
  created_at: CreatedAt;
}

export interface ProjectVersionTable {
  id: Generated<number>;
  revision_id: number;
  project_key_id: number;
  /** order of the project in the document */
  position: number;
  number: number;
  name: string;
  name_in_matrix: string | null;
  is_new: boolean;
  role: number;
  policy_area: number;
  sub_field: number | null;
  related_municipalities: string | null;
  participants: Json<string[]>;
  content: Json<string[]>;
  effect: string | null;
  roles: Json<{ centralCity: string; partners: string }>;
  notes: Json<string[]>;
  source_first_line: number;
  source_last_line: number;
  /** set when this project was merged into another in this revision (「NO.4に統合」) */
  merged_into_project_key_id: ColumnType<number | null, number | null | undefined, never>;
  /** why it was merged (or otherwise changed), as the staff wrote it */
  change_reason: ColumnType<string | null, string | null | undefined, never>;
}

export interface BudgetCellTable {
  id: Generated<number>;
  project_version_id: number;
  /** null for the total (計) */
  fiscal_year: number | null;
  /** thousand yen (千円) */
  amount: number | null;
  mark: BudgetMark | null;
}

/** The identity of a KPI across revisions, within its project. */
export interface KpiKeyTable {
  id: Generated<number>;
  project_key_id: number;
}

export interface KpiTable {
  id: Generated<number>;
  project_version_id: number;
  kpi_key_id: number;
  position: number;
  indicator: string;
  note: string | null;
  baseline_text: string;
  baseline_value: number | null;
  baseline_unit: string | null;
  baseline_as_of: string | null;
  target_text: string;
  target_kind: TargetKind;
  target_value: number | null;
  target_unit: string | null;
  target_per: '年度' | '年' | null;
  target_merged_into: number | null;
  target_fiscal_year: number | null;
}

/** The one number every write bumps (a single row), and the version of the newest write the public can see. */
export interface DataVersionTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  version: number;
  /** public caches (pages, API, open data) key on this one */
  public_version: number;
}

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE (migration 0003). */
export interface AuditEntryTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_label: string;
  actor_roles: Json<string[]>;
  channel: Channel;
  action: string;
  entity: string;
  entity_id: string | null;
  area_id: number | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  data_version: number;
}

export interface RoleGrantTable {
  id: Generated<number>;
  /** better-auth's "user".id */
  user_id: string;
  role: RoleName;
  area_id: number | null;
  municipality_id: number | null;
}

export interface InstallationSecretTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  secret: string;
}

/** One municipality's part of a project's yearly result (決算額, 千円) with its comment; versioned for If-Match. */
export interface MunicipalityResultTable {
  id: Generated<number>;
  area_id: number;
  project_key_id: number;
  fiscal_year: number;
  municipality_id: number;
  amount: number | null;
  comment: string;
  version: number;
  updated_at: ColumnType<string, string | undefined, string>;
  updated_by: string;
  state: ColumnType<ResultState, ResultState | undefined, ResultState>;
  /** set exactly when the state is 'returned' */
  return_reason: string | null;
}

/** The central city's part of a project's yearly result: the actual total and the comments. */
export interface ProjectResultTable {
  id: Generated<number>;
  area_id: number;
  project_key_id: number;
  fiscal_year: number;
  /** 決算額, 千円; null when not entered yet */
  actual_total: number | null;
  progress: string;
  next_steps: string;
  self_evaluation: string;
  version: number;
  updated_at: ColumnType<string, string | undefined, string>;
  updated_by: string;
}

/** A KPI's actual value for a fiscal year, or the reason it was not counted (「未集計」). */
export interface KpiResultTable {
  id: Generated<number>;
  area_id: number;
  kpi_key_id: number;
  fiscal_year: number;
  actual: number | null;
  not_counted_reason: string | null;
  version: number;
  updated_at: ColumnType<string, string | undefined, string>;
  updated_by: string;
}

/** A fiscal year whose approved results are public. */
export interface ResultYearTable {
  area_id: number;
  fiscal_year: number;
  published_at: ColumnType<string, string | undefined, string>;
  published_by: string;
}

export interface CostShareRuleTable {
  project_key_id: number;
  area_id: number;
  rule: Json<CostShareRule>;
  version: number;
  updated_at: ColumnType<string, string | undefined, string>;
  updated_by: string;
}

export interface KpiSettingTable {
  kpi_key_id: number;
  direction: Direction;
  cumulative: CumulativeMode;
  version: number;
}

export interface AreaSettingTable {
  area_id: number;
  achievement_thresholds: Json<AchievementThresholds>;
  grade_thresholds: Json<GradeThresholds>;
  version: number;
}

/** The council's opinion (所見) on a project's fiscal year and the central city's response (対応方針). */
export interface CouncilOpinionTable {
  id: Generated<number>;
  area_id: number;
  project_key_id: number;
  fiscal_year: number;
  opinion: string;
  opinion_by: string | null;
  response: string;
  response_by: string | null;
  version: number;
  updated_at: ColumnType<string, string | undefined, string>;
}

/** better-auth's account tables, as far as Renkei reads them (camelCase: better-auth names them). */
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  createdAt: ColumnType<string, string | undefined, string>;
  updatedAt: ColumnType<string, string | undefined, string>;
  disabled: boolean;
  /** the two-factor plugin's flag: a second step (TOTP or a backup code) is asked at sign-in */
  twoFactorEnabled: ColumnType<boolean | null, boolean | undefined, boolean>;
}

/** The two-factor plugin's row of an account: its TOTP secret and backup codes, both encrypted by better-auth. */
export interface AuthTwoFactorTable {
  id: string;
  userId: string;
  secret: string;
  backupCodes: string;
  /** false between setting up and confirming with a first code */
  verified: boolean | null;
}

export interface AuthAccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  /** better-auth's scrypt hash, for the 'credential' provider */
  password: string | null;
  createdAt: ColumnType<string, string | undefined, string>;
  updatedAt: string;
}

export interface AuthSessionTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: string;
}

/** A TOTP code an account had accepted (migration 0007): refused again for a while, deleted after minutes. */
export interface UsedTotpCodeTable {
  user_id: string;
  code: string;
  used_at: ColumnType<string, string, string>;
}

/** A wrong code on a signed-in two-factor step (turning it on or off), counted per account for minutes. */
export interface TwoFactorFailureTable {
  id: Generated<number>;
  user_id: string;
  failed_at: ColumnType<string, string, never>;
}

export interface Database {
  area: AreaTable;
  municipality: MunicipalityTable;
  source_document: SourceDocumentTable;
  vision_revision: VisionRevisionTable;
  revision_municipality: RevisionMunicipalityTable;
  project_key: ProjectKeyTable;
  project_version: ProjectVersionTable;
  budget_cell: BudgetCellTable;
  kpi_key: KpiKeyTable;
  kpi: KpiTable;
  data_version: DataVersionTable;
  audit_entry: AuditEntryTable;
  role_grant: RoleGrantTable;
  installation_secret: InstallationSecretTable;
  municipality_result: MunicipalityResultTable;
  project_result: ProjectResultTable;
  kpi_result: KpiResultTable;
  result_year: ResultYearTable;
  cost_share_rule: CostShareRuleTable;
  kpi_setting: KpiSettingTable;
  area_setting: AreaSettingTable;
  council_opinion: CouncilOpinionTable;
  used_totp_code: UsedTotpCodeTable;
  two_factor_failure: TwoFactorFailureTable;
  user: AuthUserTable;
  account: AuthAccountTable;
  session: AuthSessionTable;
  twoFactor: AuthTwoFactorTable;
}
