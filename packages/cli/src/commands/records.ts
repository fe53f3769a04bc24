import type { KromaClient } from "@kroma/sdk";
import { type Command, InvalidArgumentError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";
import { allRows } from "../paging.js";

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
  /** Every row, paged past the server's page size (`--all`), for the kinds the API pages. */
  all?(kroma: KromaClient, scope: Scope): Promise<{ body: unknown; rows: Row[] }>;
  /** Parent flag the kind needs (`--set` for reference items, `--session` for messages). */
  needs?: "set" | "session" | "instruction";
}

/** The API call that lists a project's records of a kind. */
interface Listing {
  list(slug: string): Promise<object>;
}

/** ... and the one that shows one of them by id. */
interface Showing extends Listing {
  get(slug: string, id: string): Promise<object>;
}

/**
 * A kind listed with `list(slug)` and, when `recordKey` is given, shown with `get(slug, id)`;
 * `listKey` and `recordKey` name the rows and the record in the response bodies.
 */
function resource(
  name: string,
  aliases: string[],
  columns: string[],
  of: (kroma: KromaClient) => Showing,
  keys: [listKey: string, recordKey: string],
): RecordKind;
function resource(
  name: string,
  aliases: string[],
  columns: string[],
  of: (kroma: KromaClient) => Listing,
  keys: [listKey: string],
): RecordKind;
function resource(
  name: string,
  aliases: string[],
  columns: string[],
  of: (kroma: KromaClient) => Listing | Showing,
  [listKey, recordKey]: [string, string?],
): RecordKind {
  const list: RecordKind["list"] = async (k, s) => rows(await of(k).list(s.slug), listKey);
  if (recordKey === undefined) return { name, aliases, columns, list };
  const show: RecordKind["show"] = async (k, s, id) => one(await (of(k) as Showing).get(s.slug, id), recordKey);
  return { name, aliases, columns, list, show };
}

const kinds: RecordKind[] = [
  resource("prompt-templates", ["templates"], ["id", "name", "updated_at"], (k) => k.promptTemplates, [
    "prompt_templates",
    "prompt_template",
  ]),
  resource(
    "provider-accounts",
    ["providers"],
    ["provider_code", "display_name", "enabled", "base_url"],
    (k) => k.providerAccounts,
    ["provider_accounts", "provider_account"],
  ),
  resource("style-guides", ["styles"], ["id", "name", "updated_at"], (k) => k.styleGuides, [
    "style_guides",
    "style_guide",
  ]),
  resource("characters", [], ["id", "name", "updated_at"], (k) => k.characters, ["characters", "character"]),
  resource("reference-sets", ["sets"], ["id", "name", "item_count", "updated_at"], (k) => k.referenceSets, [
    "reference_sets",
    "reference_set",
  ]),
  {
    name: "reference-items",
    aliases: ["items"],
    needs: "set",
    columns: ["id", "sort_order", "label", "content_uri"],
    list: async (k, s) => rows(await k.referenceSets.items.list(s.slug, s.set as string), "items"),
    show: async (k, s, id) => one(await k.referenceSets.items.get(s.slug, s.set as string, id), "item"),
  },
  resource("runs", [], ["id", "run_mode", "status", "stage", "created_at"], (k) => k.runs, ["runs", "run"]),
  resource("assets", [], ["id", "asset_kind", "rel_path", "width", "height", "run_id"], (k) => k.assets, [
    "assets",
    "asset",
  ]),
  resource(
    "quality-reports",
    ["qa"],
    ["id", "grade", "hard_failures", "soft_warnings", "asset_id"],
    (k) => k.qualityReports,
    ["quality_reports"],
  ),
  resource("cost-events", ["costs"], ["id", "model_name", "units", "total_cost_usd", "run_id"], (k) => k.costEvents, [
    "cost_events",
  ]),
  resource("asset-links", ["links"], ["id", "link_type", "parent_asset_id", "child_asset_id"], (k) => k.assetLinks, [
    "asset_links",
    "asset_link",
  ]),
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
  resource(
    "agent-instructions",
    ["instructions"],
    ["id", "status", "instruction_type", "attempts", "instruction_text"],
    (k) => k.agentInstructions,
    ["instructions", "instruction"],
  ),
  resource("secrets", [], ["provider_code", "secret_name", "hint", "key_id", "updated_at"], (k) => k.secrets, [
    "secrets",
  ]),
  {
    name: "agent-events",
    aliases: ["events"],
    needs: "instruction",
    columns: ["event_type", "message", "created_at"],
    list: async (k, s) => rows(await k.agentInstructions.events(s.slug, s.instruction as string), "events"),
  },
];

/** The kinds the API pages (`limit`/`offset`, 500 rows by default), with the SDK iterator of each. */
const paged: Record<string, (kroma: KromaClient, slug: string) => Promise<{ body: unknown; rows: Row[] }>> = {
  runs: async (k, slug) => rows(await allRows("runs", k.runs.iterate(slug)), "runs"),
  assets: async (k, slug) => rows(await allRows("assets", k.assets.iterate(slug)), "assets"),
  "quality-reports": async (k, slug) =>
    rows(await allRows("quality_reports", k.qualityReports.iterate(slug)), "quality_reports"),
  "cost-events": async (k, slug) => rows(await allRows("cost_events", k.costEvents.iterate(slug)), "cost_events"),
};
for (const kind of kinds) {
  const every = paged[kind.name];
  if (every) kind.all = (k, s) => every(k, s.slug);
}

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
    .option(
      "--all",
      `every row past the server's page size (${Object.keys(paged).join(", ")}; the others list every row)`,
    )
    .action(
      async (
        kind: RecordKind,
        id: string | undefined,
        flags: Omit<Scope, "slug"> & { project: string; all?: boolean },
      ) => {
        if (kind.needs && !flags[kind.needs]) throw new Error(`${kind.name} needs --${kind.needs}`);
        await printRecords(globals(), kind, { ...flags, slug: flags.project }, id, flags.all === true);
      },
    );
}

/**
 * Prints a kind's rows as a table (the API's list answer with --json), or one record as
 * `key  value` lines (its answer with --json); `all` pages through every row of a paged kind.
 */
export async function printRecords(
  options: GlobalOptions,
  kindName: string | RecordKind,
  scope: Scope,
  id?: string,
  all = false,
): Promise<void> {
  const kind = typeof kindName === "string" ? findKind(kindName) : kindName;
  const kroma = apiClient(options);
  if (id === undefined) {
    const { body, rows: list } = all && kind.all ? await kind.all(kroma, scope) : await kind.list(kroma, scope);
    emit(options, body, () =>
      table(
        kind.columns.map((c) => c.toUpperCase()),
        list.map((row) => kind.columns.map((c) => cell(row[c]))),
      ),
    );
    return;
  }
  if (!kind.show) throw new Error(`${kind.name} has no single-record view; list them instead`);
  const { body, record } = await kind.show(kroma, scope, id);
  emit(options, body, () => describe(record));
}
