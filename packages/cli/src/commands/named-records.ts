import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { KromaClient } from "@kroma/sdk";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions } from "../output.js";
import { printRecords } from "./records.js";

// `kroma templates|styles|characters list|show|create|edit|delete`: a project's named records
// (prompt templates, style guides, characters), written from flags or a JSON/YAML file.

type Row = { id: string; name: string };
type Body = Record<string, string>;

/** The five calls of a named collection, as the SDK's recordsApi gives them (bodies loosened). */
interface Collection {
  list(slug: string): Promise<object>;
  create(slug: string, body: never): Promise<object>;
  update(slug: string, id: string, body: never): Promise<object>;
  remove(slug: string, id: string): Promise<object>;
}

interface NamedKind {
  command: string;
  /** The kind's name in `kroma get`. */
  kind: string;
  /** "prompt template" */
  what: string;
  /** Each flag and the API field it sets; `--name` is always the first. */
  fields: { flag: string; field: string; description: string }[];
  /** Fields a create needs. */
  required: string[];
  api(kroma: KromaClient): Collection;
  listKey: string;
  recordKey: string;
}

const nameField = { flag: "name", field: "name", description: "the name (unique within the project)" };

const namedKinds: NamedKind[] = [
  {
    command: "templates",
    kind: "prompt-templates",
    what: "prompt template",
    fields: [nameField, { flag: "text", field: "template_text", description: "the template, with {placeholders}" }],
    required: ["name", "template_text"],
    api: (k) => k.promptTemplates as unknown as Collection,
    listKey: "prompt_templates",
    recordKey: "prompt_template",
  },
  {
    command: "styles",
    kind: "style-guides",
    what: "style guide",
    fields: [
      nameField,
      { flag: "instructions", field: "instructions", description: "what generation must follow" },
      { flag: "notes", field: "notes", description: "free notes" },
    ],
    required: ["name", "instructions"],
    api: (k) => k.styleGuides as unknown as Collection,
    listKey: "style_guides",
    recordKey: "style_guide",
  },
  {
    command: "characters",
    kind: "characters",
    what: "character",
    fields: [
      nameField,
      { flag: "description", field: "description", description: "who the character is" },
      { flag: "prompt-text", field: "prompt_text", description: "text added to prompts that feature the character" },
    ],
    required: ["name"],
    api: (k) => k.characters as unknown as Collection,
    listKey: "characters",
    recordKey: "character",
  },
];

/** commander's option key of a flag: `prompt-text` -> `promptText`. */
const optionKey = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** A usage error (exit 2): commander prints it with the help hint. */
function usage(command: Command, message: string): never {
  command.error(`error: ${message}`, { exitCode: 2, code: "commander.missingMandatoryOptionValue" });
}

/** The record's fields from `--file` (JSON, or YAML for .yaml/.yml), checked against the kind's fields. */
async function fieldsFromFile(kind: NamedKind, file: string): Promise<Body> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(
      `--file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}: give a readable JSON or YAML file`,
    );
  }
  let data: unknown;
  try {
    data = [".yaml", ".yml"].includes(extname(file).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(`--file ${file} does not parse (${(error as Error).message.split("\n")[0]}): fix the file`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new Error(`--file ${file} must hold one object of ${kind.what} fields: ${fieldList(kind)}`);
  }
  const body: Body = {};
  for (const [key, value] of Object.entries(data)) {
    // What the API answers with (id, timestamps) may come back in: a listed record edits as is.
    if (["id", "project_id", "created_at", "updated_at"].includes(key)) continue;
    if (!kind.fields.some((f) => f.field === key)) {
      throw new Error(`--file ${file}: unknown field '${key}'; a ${kind.what} has ${fieldList(kind)}`);
    }
    if (typeof value !== "string") throw new Error(`--file ${file}: field '${key}' must be a string`);
    body[key] = value;
  }
  return body;
}

const fieldList = (kind: NamedKind) => kind.fields.map((f) => f.field).join(", ");

/** The request body: the file's fields, then the flags given over them. */
async function bodyFrom(kind: NamedKind, flags: Record<string, string | undefined>): Promise<Body> {
  const body = flags.file ? await fieldsFromFile(kind, flags.file) : {};
  for (const { flag, field } of kind.fields) {
    const value = flags[optionKey(flag)];
    if (value !== undefined) body[field] = value;
  }
  return body;
}

/** The record with this id, else the one with this name; a clear error when there is neither. */
async function findRecord(kroma: KromaClient, kind: NamedKind, slug: string, ref: string): Promise<Row> {
  const rows = ((await kind.api(kroma).list(slug)) as Record<string, Row[]>)[kind.listKey] ?? [];
  const found = rows.find((row) => row.id === ref) ?? rows.find((row) => row.name === ref);
  if (!found) {
    throw new Error(
      `No ${kind.what} '${ref}' in project ${slug}: give an id or name from kroma ${kind.command} list -p ${slug}`,
    );
  }
  return found;
}

function addFieldOptions(command: Command, kind: NamedKind): Command {
  for (const { flag, description } of kind.fields) command.option(`--${flag} <text>`, description);
  return command.option(
    "--file <file>",
    `the ${kind.what}'s fields (${fieldList(kind)}) as JSON, or YAML (.yaml/.yml); flags override it`,
  );
}

export function namedRecordsCommand(program: Command, globals: () => GlobalOptions): void {
  for (const kind of namedKinds) {
    const group = program.command(kind.command).description(`List, show, create, edit and delete ${kind.what}s`);
    const client = () => apiClient(globals());
    const saved = (answer: object) => {
      const record = (answer as Record<string, Row>)[kind.recordKey];
      return `${kind.what[0]?.toUpperCase()}${kind.what.slice(1)} ${record?.name} saved (${record?.id})`;
    };

    group
      .command("list")
      .description(`The project's ${kind.what}s (the same as kroma get ${kind.kind})`)
      .requiredOption("-p, --project <slug>", "project slug")
      .option("--all", "every row (the API lists them all in one answer)")
      .action((flags: { project: string }) => printRecords(globals(), kind.kind, { slug: flags.project }));

    group
      .command("show")
      .description(`One ${kind.what}, by id or name`)
      .argument("<id_or_name>", `the ${kind.what}`)
      .requiredOption("-p, --project <slug>", "project slug")
      .action(async (ref: string, flags: { project: string }) => {
        const found = await findRecord(client(), kind, flags.project, ref);
        await printRecords(globals(), kind.kind, { slug: flags.project }, found.id);
      });

    addFieldOptions(
      group
        .command("create")
        .description(`Create a ${kind.what} from flags or --file (needs ${kind.required.join(" and ")})`)
        .requiredOption("-p, --project <slug>", "project slug"),
      kind,
    ).action(async function (this: Command, flags: Record<string, string | undefined> & { project: string }) {
      const body = await bodyFrom(kind, flags);
      const missing = kind.required.filter((field) => body[field] === undefined);
      if (missing.length > 0) {
        const flagsOf = missing.map((field) => `--${kind.fields.find((f) => f.field === field)?.flag}`);
        usage(this, `kroma ${kind.command} create needs ${flagsOf.join(" and ")} (or ${missing.join(", ")} in --file)`);
      }
      const answer = await kind.api(client()).create(flags.project, body as never);
      emit(globals(), answer, () => saved(answer));
    });

    addFieldOptions(
      group
        .command("edit")
        .description(`Change the given fields of a ${kind.what} (by id or name); the others stay`)
        .argument("<id_or_name>", `the ${kind.what}`)
        .requiredOption("-p, --project <slug>", "project slug"),
      kind,
    ).action(async function (
      this: Command,
      ref: string,
      flags: Record<string, string | undefined> & { project: string },
    ) {
      const body = await bodyFrom(kind, flags);
      if (Object.keys(body).length === 0) {
        usage(
          this,
          `kroma ${kind.command} edit needs a field to change: ${kind.fields.map((f) => `--${f.flag}`).join(", ")} or --file`,
        );
      }
      const kroma = client();
      const found = await findRecord(kroma, kind, flags.project, ref);
      const answer = await kind.api(kroma).update(flags.project, found.id, body as never);
      emit(globals(), answer, () => saved(answer));
    });

    group
      .command("delete")
      .alias("rm")
      .description(`Delete a ${kind.what}, by id or name`)
      .argument("<id_or_name>", `the ${kind.what}`)
      .requiredOption("-p, --project <slug>", "project slug")
      .action(async (ref: string, flags: { project: string }) => {
        const kroma = client();
        const found = await findRecord(kroma, kind, flags.project, ref);
        const answer = await kind.api(kroma).remove(flags.project, found.id);
        emit(globals(), answer, () => `Deleted ${kind.what} ${found.name} (${found.id})`);
      });
  }
}
