// The database schema: the `Database` interface kysely checks queries against, and every table's
// row type (in tables/, by domain), re-exported so importers name one module.

import type {
  AgentInstructionEventsTable,
  AgentInstructionsTable,
  CharactersTable,
  ChatMessagesTable,
  ChatSessionsTable,
  PromptTemplatesTable,
  ProviderAccountsTable,
  ReferenceItemsTable,
  ReferenceSetsTable,
  StyleGuidesTable,
} from "./tables/content.js";
import type {
  ProjectBudgetsTable,
  ProjectSecretsTable,
  ProjectStorageTable,
  ProjectsTable,
  SecretKeysTable,
  UsersTable,
} from "./tables/projects.js";
import type {
  AssetLinksTable,
  AssetsTable,
  CandidatesTable,
  CostEventsTable,
  JobReviewEventsTable,
  JobReviewsTable,
  JobsTable,
  QualityReportsTable,
  RunsTable,
  SceneBaselinesTable,
} from "./tables/runs.js";
import type {
  AuditEventsTable,
  AuthSessionsTable,
  AuthTokensTable,
  ExportsTable,
  LeasesTable,
  S3SyncStateTable,
  TrashEntriesTable,
} from "./tables/system.js";

export type * from "./tables/content.js";
export type * from "./tables/projects.js";
export type * from "./tables/runs.js";
export type * from "./tables/system.js";

/** The database schema: one interface per table, the one type kysely queries are checked against. */
export interface Database {
  users: UsersTable;
  projects: ProjectsTable;
  project_storage: ProjectStorageTable;
  runs: RunsTable;
  jobs: JobsTable;
  candidates: CandidatesTable;
  assets: AssetsTable;
  quality_reports: QualityReportsTable;
  cost_events: CostEventsTable;
  prompt_templates: PromptTemplatesTable;
  provider_accounts: ProviderAccountsTable;
  style_guides: StyleGuidesTable;
  characters: CharactersTable;
  reference_sets: ReferenceSetsTable;
  reference_items: ReferenceItemsTable;
  asset_links: AssetLinksTable;
  chat_sessions: ChatSessionsTable;
  chat_messages: ChatMessagesTable;
  agent_instructions: AgentInstructionsTable;
  agent_instruction_events: AgentInstructionEventsTable;
  auth_tokens: AuthTokensTable;
  auth_sessions: AuthSessionsTable;
  audit_events: AuditEventsTable;
  secret_keys: SecretKeysTable;
  project_secrets: ProjectSecretsTable;
  exports: ExportsTable;
  s3_sync_state: S3SyncStateTable;
  leases: LeasesTable;
  job_reviews: JobReviewsTable;
  job_review_events: JobReviewEventsTable;
  scene_baselines: SceneBaselinesTable;
  trash_entries: TrashEntriesTable;
  project_budgets: ProjectBudgetsTable;
}
