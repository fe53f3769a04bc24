// The spec-driven fuzz against a real server. The normal test run sends a short, fixed-seed
// sample (FUZZ_RUNS requests per operation, default 12); `pnpm test:fuzz` sends over 10,000.
import { createContractValidator, listOperations, openapiDocument } from "@kroma/contract";
import type { KromaDb } from "@kroma/server";
import { type HttpCall, httpClient, putScenes, useTestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FuzzFailure, fuzzSpec, type OperationReport } from "./spec-fuzz.js";

const runs = Number(process.env.FUZZ_RUNS ?? 12);
const seed = Number(process.env.FUZZ_SEED ?? 20261124);
const validator = createContractValidator(openapiDocument);
const api = useTestServer({ agentDispatch: false, projects: ["Fuzz", "Fuzz B"] });
const known: Record<string, string[]> = { slug: ["fuzz", "fuzz_b"] };
let token = "";
const reports: OperationReport[] = [];

beforeAll(async () => {
  const created = (await api.call("POST", "/auth/token", { label: "fuzz" })).body.auth_token;
  token = created.token;
  const call = authed(api.server.url, token);
  const root = (await call("GET", "/api/projects/fuzz")).body.storage.local.project_root;
  await putScenes(root, ["scenes/a.png"]);
  const id = async (path: string, body: unknown, key: string) => (await call("POST", path, body)).body[key].id;
  known.templateId = [
    await id("/api/projects/fuzz/prompt-templates", { name: "t", template_text: "x" }, "prompt_template"),
  ];
  known.styleGuideId = [await id("/api/projects/fuzz/style-guides", { name: "g", instructions: "x" }, "style_guide")];
  known.characterId = [await id("/api/projects/fuzz/characters", { name: "c", description: "x" }, "character")];
  known.referenceSetId = [await id("/api/projects/fuzz/reference-sets", { name: "s" }, "reference_set")];
  known.itemId = [
    await id(`/api/projects/fuzz/reference-sets/${known.referenceSetId[0]}/items`, { content_text: "x" }, "item"),
  ];
  known.sessionId = [await id("/api/projects/fuzz/chat/sessions", { title: "chat" }, "session")];
  known.instructionId = [await id("/api/projects/fuzz/agent/instructions", { instruction_text: "x" }, "instruction")];
  known.providerCode = ["openai"];
  known.secretName = ["api_key"];
  await call("POST", "/api/projects/fuzz/secrets", {
    provider_code: "openai",
    secret_name: "api_key",
    secret_value: "sk-x",
  });
  const run = (await call("POST", "/api/projects/fuzz/runs/trigger", { scene_refs: ["scenes/a.png"] })).body;
  known.runId = [run.pipeline_trigger.run_id];
});

afterAll(() => {
  if (reports.length === 0) return;
  const total = reports.reduce((sum, report) => sum + report.sent, 0);
  const refused = reports.reduce((sum, report) => sum + report.refused, 0);
  console.log(
    `\nSpec fuzz: ${total} requests (${refused} the spec refuses) over ${reports.length} operations, seed ${seed}`,
  );
  if (process.env.FUZZ_REPORT)
    console.table(reports.map(({ operation, sent, refused: r }) => ({ operation, sent, refused: r })));
});

/** A JSON client with the fuzz token (the first token turns authentication on for everyone). */
function authed(baseUrl: string, bearer: string): HttpCall {
  return httpClient(baseUrl, { token: bearer });
}

/** Failures grouped as one readable line each, so a red run says what broke where. */
function describeFailures(failures: FuzzFailure[]): string[] {
  return failures
    .slice(0, 20)
    .map(
      (f) =>
        `${f.operation} [${f.case.kind}] -> ${f.status}: ${f.problem} | sent ${JSON.stringify(f.case).slice(0, 300)} | got ${f.response.slice(0, 200)}`,
    );
}

/** sha256 of every row of every table: the whole database's content. */
async function databaseDigest(db: KromaDb): Promise<string> {
  const { createHash } = await import("node:crypto");
  const hash = createHash("sha256");
  for (const table of await db.introspection.getTables()) {
    const rows = await db
      .selectFrom(table.name as never)
      .selectAll()
      .execute();
    const sorted = rows.map((row) => JSON.stringify(row)).sort();
    hash.update(`${table.name}\n${sorted.join("\n")}\n`);
  }
  return hash.digest("hex");
}

describe("spec-driven fuzz", () => {
  it("covers every operation: no 5xx, every response as the spec says, every refused request a 4xx", async () => {
    const { reports: sent, failures } = await fuzzSpec({
      baseUrl: api.server.url,
      document: openapiDocument,
      validator,
      runs,
      seed,
      token,
      known,
    });
    reports.push(...sent);
    expect(describeFailures(failures)).toEqual([]);
    expect(sent.map((report) => report.operation).sort()).toEqual(
      listOperations(openapiDocument)
        .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
        .sort(),
    );
    expect(sent.every((report) => report.sent === runs)).toBe(true);
  });

  it("a burst of invalid writes leaves the database exactly as it was", async () => {
    const before = await databaseDigest(api.server.db);
    const { reports: sent, failures } = await fuzzSpec({
      baseUrl: api.server.url,
      document: openapiDocument,
      validator,
      runs: runs * 2,
      seed: seed + 1,
      token,
      known,
      invalidOnly: true,
      only: (operation) => !operation.startsWith("GET "),
    });
    expect(describeFailures(failures)).toEqual([]);
    expect(sent.reduce((sum, report) => sum + report.sent, 0)).toBeGreaterThan(50);
    expect(await databaseDigest(api.server.db)).toBe(before);
  });
});
