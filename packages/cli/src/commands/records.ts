import type { KromaClient } from "@kroma/sdk";
import { type Command, InvalidArgumentError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";

interface Scope {
  slug: string;
  set?: string;
  session?: string;
  instruction?: string;
}

type Row = Record<string, unknown>;

/** One kind of project record the CLI can list and show. */
interface RecordKind {
  name: string;
  aliases: string[];
  /** Fetches the list body and picks its rows. */
  list(kroma: KromaClient, scope: Scope): Promise<{ body: unknown; rows: Row[] }>;
  /** Fetches one record; `undefined` when the kind has no single-record route. */
  show?(kroma: KromaClient, scope: Scope, id: string): Promise<{ body: unknown; record: Row }>;
  columns: string[];
  /** Parent flag the kind needs (`--set` for reference items, `--session` for messages). */
  needs?: "set" | "session" | "instruction";
}

const kinds: RecordKind[] = [
  {
    name: "prompt-templates",
    aliases: ["templates"],
    columns: ["id", "name", "updated_at"],
    list: async (k, s) => rows(await k.promptTemplates.list(s.slug), "prompt_templates"),
    show: async (k, s, id) => one(await k.promptTemplates.get(s.slug, id), "prompt_template"),
  },
  {
    name: "provider-accounts",
    aliases: ["providers"],
    columns: ["provider_code", "display_name", "enabled", "base_url"],
    list: async (k, s) => rows(await k.providerAccounts.list(s.slug), "provider_accounts"),
    show: async (k, s, id) => one(await k.providerAccounts.get(s.slug, id), "provider_account"),
  },
  {
    name: "style-guides",
    aliases: ["styles"],
    columns: ["id", "name", "updated_at"],
    list: async (k, s) => rows(await k.styleGuides.list(s.slug), "style_guides"),
    show: async (k, s, id) => one(await k.styleGuides.get(s.slug, id), "style_guide"),
  },
  {
    name: "characters",
    aliases: [],
    columns: ["id", "name", "updated_at"],
    list: async (k, s) => rows(await k.characters.list(s.slug), "characters"),
    show: async (k, s, id) => one(await k.characters.get(s.slug, id), "character"),
  },
  {
    name: "reference-sets",
    aliases: ["sets"],
    columns: ["id", "name", "item_count", "updated_at"],
    list: async (k, s) => rows(await k.referenceSets.list(s.slug), "reference_sets"),
    show: async (k, s, id) => one(await k.referenceSets.get(s.slug, id), "reference_set"),
  },
  {
    name: "reference-items",
    aliases: ["items"],
    needs: "set",
    columns: ["id", "sort_order", "label", "content_uri"],
    list: async (k, s) => rows(await k.referenceSets.items.list(s.slug, s.set as string), "items"),
    show: async (k, s, id) => one(await k.referenceSets.items.get(s.slug, s.set as string, id), "item"),
  },
  {
    name: "runs",
    aliases: [],
    columns: ["id", "run_mode", "status", "stage", "created_at"],
    list: async (k, s) => rows(await k.runs.list(s.slug), "runs"),
    show: async (k, s, id) => one(await k.runs.get(s.slug, id), "run"),
  },
  {
    name: "assets",
    aliases: [],
    columns: ["id", "asset_kind", "rel_path", "width", "height", "run_id"],
    list: async (k, s) => rows(await k.assets.list(s.slug), "assets"),
    show: async (k, s, id) => one(await k.assets.get(s.slug, id), "asset"),
  },
  {
    name: "quality-reports",
    aliases: ["qa"],
    columns: ["id", "grade", "hard_failures", "soft_warnings", "asset_id"],
    list: async (k, s) => rows(await k.qualityReports.list(s.slug), "quality_reports"),
  },
  {
    name: "cost-events",
    aliases: ["costs"],
    columns: ["id", "model_name", "units", "total_cost_usd", "run_id"],
    list: async (k, s) => rows(await k.costEvents.list(s.slug), "cost_events"),
  },
  {
    name: "asset-links",
    aliases: ["links"],
    columns: ["id", "link_type", "parent_asset_id", "child_asset_id"],
    list: async (k, s) => rows(await k.assetLinks.list(s.slug), "asset_links"),
    show: async (k, s, id) => one(await k.assetLinks.get(s.slug, id), "asset_link"),
  },
  {
    name: "chat-sessions",
    aliases: ["sessions"],
    columns: ["id", "title", "status", "message_count", "updated_at"],
    list: async (k, s) => rows(await k.chat.listSessions(s.slug), "sessions"),
    show: async (k, s, id) => one(await k.chat.getSession(s.slug, id), "session"),
  },
  {
    name: "chat-messages",
    aliases: ["messages"],
    needs: "session",
    columns: ["id", "role", "content", "created_at"],
    list: async (k, s) => rows(await k.chat.listMessages(s.slug, s.session as string), "messages"),
  },
  {
    name: "agent-instructions",
    aliases: ["instructions"],
    columns: ["id", "status", "instruction_type", "attempts", "instruction_text"],
    list: async (k, s) => rows(await k.agentInstructions.list(s.slug), "instructions"),
    show: async (k, s, id) => one(await k.agentInstructions.get(s.slug, id), "instruction"),
  },
  {
    name: "secrets",
    aliases: [],
    columns: ["provider_code", "secret_name", "hint", "key_id", "updated_at"],
    list: async (k, s) => rows(await k.secrets.list(s.slug), "secrets"),
  },
  {
    name: "agent-events",
    aliases: ["events"],
    needs: "instruction",
    columns: ["event_type", "message", "created_at"],
    list: async (k, s) => rows(await k.agentInstructions.events(s.slug, s.instruction as string), "events"),
  },
];

function rows(body: object, key: string) {
  return { body, rows: (body as Record<string, Row[]>)[key] ?? [] };
}

function one(body: object, key: string) {
  return { body, record: (body as Record<string, Row>)[key] ?? {} };
}

function findKind(name: string): RecordKind {
  const kind = kinds.find((k) => k.name === name || k.aliases.includes(name));
  if (!kind) {
    throw new InvalidArgumentError(`unknown record kind '${name}'; one of: ${kinds.map((k) => k.name).join(", ")}`);
  }
  return kind;
}

function cell(value: unknown): string {
  const text =
    value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  const line = text.replace(/\s+/g, " ");
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function describe(record: Row): string {
  const width = Math.max(...Object.keys(record).map((key) => key.length));
  return Object.entries(record)
    .map(
      ([key, value]) =>
        `${key.padEnd(width)}  ${typeof value === "object" && value !== null ? JSON.stringify(value) : String(value ?? "")}`,
    )
    .join("\n");
}

/**
 * `kroma get <kind> [id] --project SLUG`: lists a project's records of one kind, or shows one.
 * A single generic command instead of one per kind: every kind lists and shows the same way.
 */
export function recordsCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("get")
    .description("List a project's records of one kind, or show one record")
    .argument("<kind>", `record kind: ${kinds.map((k) => [k.name, ...k.aliases].join("|")).join(", ")}`, findKind)
    .argument("[id]", "record id (provider code for provider-accounts); omit to list")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--set <referenceSetId>", "reference set (for reference-items)")
    .option("--session <sessionId>", "chat session (for chat-messages)")
    .option("--instruction <instructionId>", "agent instruction (for agent-events)")
    .action(async (kind: RecordKind, id: string | undefined, flags: Omit<Scope, "slug"> & { project: string }) => {
      if (kind.needs && !flags[kind.needs]) throw new Error(`${kind.name} needs --${kind.needs}`);
      const kroma = apiClient(globals());
      const scope = { ...flags, slug: flags.project };
      if (id === undefined) {
        const { body, rows: list } = await kind.list(kroma, scope);
        emit(globals(), body, () =>
          table(
            kind.columns.map((c) => c.toUpperCase()),
            list.map((row) => kind.columns.map((c) => cell(row[c]))),
          ),
        );
        return;
      }
      if (!kind.show) throw new Error(`${kind.name} has no single-record view; list them instead`);
      const { body, record } = await kind.show(kroma, scope, id);
      emit(globals(), body, () => describe(record));
    });
}
