import { openapiDocument } from "@kroma/contract";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { createProgram } from "../src/program.js";

// One run model for both paths: what `kroma lab run` takes (read off the CLI's command
// definition) and what `POST /runs/trigger` takes (read off the spec's TriggerRunRequest) are
// the same options under the same names (flag = field with `-` for `_`), but for these.

/** `lab run` options a queued run cannot take: they name a file on the client's disk, or a local-only step. */
const labOnly = {
  project: "the project is the trigger's path parameter",
  project_root: "the server uses the project's stored storage root",
  manifest: "the server uses the project's layered settings and manifest",
  ingest: "a server run is recorded by the server itself; --no-ingest only skips a local run's recording",
};

/** Trigger fields `lab run` does not take, and why. */
const triggerOnly = {
  mode: "lab has dry and run as subcommands",
  storage_sync_s3: "a queued run syncs the project's S3 storage when it ends; a local run leaves that to kroma sync s3",
  project_root: "declared only to be refused with a clear error",
  wait: "a local run always answers when it has finished",
};

/** Flags whose field name differs, and why: the body's name carries its unit, the flag reads as a command. */
const renamed: Record<string, string> = { max_spend: "max_spend_usd" };

const snake = (flag: string) => {
  const name = flag.replace(/^--(no-)?/, "").replaceAll("-", "_");
  return renamed[name] ?? name;
};

function command(program: Command, path: string[]): Command {
  return path.reduce((at, name) => {
    const found = at.commands.find((sub) => sub.name() === name);
    if (!found) throw new Error(`no command ${path.join(" ")}`);
    return found;
  }, program);
}

const optionNames = (cmd: Command) => cmd.options.map((option) => snake(option.long ?? ""));

const triggerFields = () => {
  const schemas = (openapiDocument as unknown as { components: { schemas: Record<string, { properties: object }> } })
    .components.schemas;
  return Object.keys(schemas.TriggerRunRequest?.properties ?? {});
};

describe("lab run and the trigger", () => {
  it("take the same run options under the same names, but for the listed ones", () => {
    const lab = optionNames(command(createProgram(), ["lab", "run"])).filter((name) => !(name in labOnly));
    const trigger = triggerFields().filter((name) => !(name in triggerOnly));
    expect(lab.length).toBeGreaterThan(30);
    expect([...lab].sort()).toEqual([...trigger].sort());
  });

  it("name only exceptions that exist on their side", () => {
    const lab = optionNames(command(createProgram(), ["lab", "run"]));
    expect(Object.keys(labOnly).filter((name) => !lab.includes(name))).toEqual([]);
    expect(Object.keys(triggerOnly).filter((name) => !triggerFields().includes(name))).toEqual([]);
  });

  it("give kroma runs trigger every field of the trigger body", () => {
    const runsTrigger = optionNames(command(createProgram(), ["runs", "trigger"]));
    const notFlags = ["project_root"];
    const missing = triggerFields().filter((name) => !runsTrigger.includes(name) && !notFlags.includes(name));
    expect(missing).toEqual([]);
  });
});
