import type { Command } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";

/** What remains of a budget; a budget set below what is committed is over by the difference. */
const remaining = (usd: number) =>
  usd < 0 ? `remaining $0.000 (over by $${(-usd).toFixed(3)})` : `remaining $${usd.toFixed(3)}`;

/**
 * The project a command names: `-p/--project SLUG`, or the positional slug it has always taken
 * (kept as an alias). Neither, or two different ones, is a usage error (exit 2).
 */
export function projectSlug(command: Command, positional: string | undefined, flag: string | undefined): string {
  if (positional !== undefined && flag !== undefined && positional !== flag) {
    command.error(`error: two projects given ('${positional}' and --project '${flag}'): give one`, {
      exitCode: 2,
      code: "commander.conflictingOption",
    });
  }
  const slug = flag ?? positional;
  if (slug === undefined) {
    const path: string[] = [];
    for (let at: Command | null = command; at?.parent; at = at.parent) path.unshift(at.name());
    command.error(`error: kroma ${path.join(" ")} needs a project: give -p/--project <slug>`, {
      exitCode: 2,
      code: "commander.missingMandatoryOptionValue",
    });
  }
  return slug;
}

export function projectsCommand(program: Command, globals: () => GlobalOptions): void {
  const projects = program.command("projects").description("List, create and inspect projects");
  const client = () => apiClient(globals());

  projects
    .command("list")
    .description("List projects, most recently updated first")
    .option("--username <name>", "only this user's projects")
    .action(async (flags: { username?: string }) => {
      const result = await client().projects.list(flags);
      emit(globals(), result, () =>
        table(
          ["SLUG", "NAME", "USER", "UPDATED"],
          result.projects.map((p) => [p.slug, p.name, p.username, p.updated_at]),
        ),
      );
    });

  projects
    .command("create")
    .description("Create a project, or update the one with the same slug")
    .argument("<name>", "display name")
    .option("--slug <slug>", "identifier (derived from the name when omitted)")
    .option("--description <text>", "description")
    .option("--username <name>", "owner (default: local)")
    .action(async (name: string, flags: { slug?: string; description?: string; username?: string }) => {
      const result = await client().projects.upsert({ name, ...flags });
      emit(globals(), result, () => `Project ${result.project.slug} saved (root ${result.storage.local.project_root})`);
    });

  projects
    .command("show")
    .description("Show a project with its record counts and storage")
    .argument("[slug]", "project slug (or -p)")
    .option("-p, --project <slug>", "project slug")
    .action(async function (this: Command, positional: string | undefined, flags: { project?: string }) {
      const slug = projectSlug(this, positional, flags.project);
      const result = await client().projects.get(slug);
      const { project, counts, storage } = result;
      emit(globals(), result, () =>
        [
          `${project.name} (${project.slug}) — ${project.status}`,
          project.description ? `  ${project.description}` : undefined,
          `  id           ${project.id}`,
          `  created      ${project.created_at}`,
          `  updated      ${project.updated_at}`,
          `  runs/jobs/assets  ${counts.runs}/${counts.jobs}/${counts.assets}`,
          `  project root ${storage.local.project_root}`,
          `  s3           ${storage.s3.enabled ? `s3://${storage.s3.bucket}/${storage.s3.prefix}/${project.slug}/` : "disabled"}`,
        ]
          .filter((line) => line !== undefined)
          .join("\n"),
      );
    });

  projects
    .command("budget")
    .description("Show a project's budget for paid runs (what is committed, what remains), or set or clear it")
    .argument("[slug]", "project slug (or -p)")
    .option("-p, --project <slug>", "project slug")
    .option("--set <usd>", "the ceiling in USD for the project's paid runs in all")
    .option("--clear", "remove the budget")
    .action(async function (
      this: Command,
      positional: string | undefined,
      flags: { project?: string; set?: string; clear?: boolean },
    ) {
      const slug = projectSlug(this, positional, flags.project);
      if (flags.set !== undefined && flags.clear) throw new Error("Give --set or --clear, not both");
      const amount = flags.set === undefined ? undefined : Number(flags.set);
      if (amount !== undefined && !(Number.isFinite(amount) && amount >= 0)) {
        throw new Error(`--set takes an amount in USD, 0 or more (got '${flags.set}')`);
      }
      const kroma = client();
      const result =
        amount !== undefined || flags.clear
          ? await kroma.projects.setBudget(slug, amount ?? null)
          : await kroma.projects.budget(slug);
      const { budget } = result;
      emit(globals(), result, () =>
        budget.budget_usd === null
          ? `No budget: paid runs are not limited (committed $${budget.committed_usd.toFixed(3)})`
          : `Budget $${budget.budget_usd.toFixed(3)}: committed $${budget.committed_usd.toFixed(3)}, ${remaining(budget.remaining_usd ?? 0)}`,
      );
    });
}
