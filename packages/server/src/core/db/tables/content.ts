// Tables of the database schema (../schema.ts): A project's content records: prompt templates, provider accounts, style guides, characters, reference sets, chat and agent instructions.
// JSON columns (`*_json`) hold JSON text; repositories parse them so the API returns JSON values.
import type { Schema } from "@kroma/contract";

export interface PromptTemplatesTable {
  id: string;
  project_id: string;
  name: string;
  template_text: string;
  created_at: string;
  updated_at: string;
}

export interface ProviderAccountsTable {
  project_id: string;
  provider_code: string;
  display_name: string;
  account_ref: string;
  base_url: string;
  enabled: number;
  config_json: string;
  created_at: string;
  updated_at: string;
}

export interface StyleGuidesTable {
  id: string;
  project_id: string;
  name: string;
  instructions: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface CharactersTable {
  id: string;
  project_id: string;
  name: string;
  description: string;
  prompt_text: string;
  created_at: string;
  updated_at: string;
}

export interface ReferenceSetsTable {
  id: string;
  project_id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface ReferenceItemsTable {
  id: string;
  project_id: string;
  reference_set_id: string;
  label: string;
  content_uri: string | null;
  content_text: string | null;
  sort_order: number;
  metadata_json: string;
  created_at: string;
  updated_at: string;
  /** An asset of the project the item points at (migration 0018). */
  asset_id: string | null;
}

export interface ChatSessionsTable {
  id: string;
  project_id: string;
  title: string;
  status: "active" | "archived";
  created_at: string;
  updated_at: string;
}

export interface ChatMessagesTable {
  id: string;
  project_id: string;
  session_id: string;
  seq: number;
  role: "user" | "assistant" | "system" | "tool";
  content: string;
  content_json: string | null;
  created_at: string;
}

export type AgentInstructionStatus = Schema<"AgentInstructionStatus">;

export interface AgentInstructionsTable {
  id: string;
  project_id: string;
  instruction_text: string;
  instruction_type: string;
  payload_json: string;
  dispatch_to_agent: number;
  status: AgentInstructionStatus;
  attempts: number;
  max_attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  agent_response_json: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  canceled_at: string | null;
}

export interface AgentInstructionEventsTable {
  id: string;
  project_id: string;
  instruction_id: string;
  seq: number;
  event_type: string;
  message: string | null;
  created_at: string;
}
