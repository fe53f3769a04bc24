// Tables of the database schema (../schema.ts): Projects, their users, storage, budgets and secrets.
// JSON columns (`*_json`) hold JSON text; repositories parse them so the API returns JSON values.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  created_at: string;
  updated_at: string;
}

export interface ProjectsTable {
  id: string;
  user_id: string;
  slug: string;
  name: string;
  description: string;
  status: "active" | "archived";
  created_at: string;
  updated_at: string;
}

export interface ProjectStorageTable {
  project_id: string;
  base_dir: string;
  /** `null` means the default `<base_dir>/<slug>`. */
  project_root: string | null;
  s3_enabled: Generated<number>;
  s3_bucket: Generated<string>;
  s3_prefix: Generated<string>;
  s3_region: Generated<string>;
  s3_profile: Generated<string>;
  s3_endpoint_url: Generated<string>;
  updated_at: string;
}

export interface SecretKeysTable {
  id: string;
  /** The data key, encrypted with the master key (base64 of nonce, tag and ciphertext). */
  wrapped_key: string;
  active: number;
  created_at: string;
}

export interface ProjectSecretsTable {
  project_id: string;
  provider_code: string;
  secret_name: string;
  key_id: string;
  nonce: string;
  ciphertext: string;
  auth_tag: string;
  hint: string;
  created_at: string;
  updated_at: string;
}

export type UserRow = Selectable<UsersTable>;

export type ProjectRow = Selectable<ProjectsTable>;

export type NewProject = Insertable<ProjectsTable>;

export type ProjectStorageRow = Selectable<ProjectStorageTable>;

export type ProjectStorageUpdate = Updateable<ProjectStorageTable>;

export interface ProjectBudgetsTable {
  project_id: string;
  budget_usd: number;
  updated_at: string;
}
