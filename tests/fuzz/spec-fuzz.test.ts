// The spec-driven fuzz against a real server. The normal test run sends a short, fixed-seed
// sample (FUZZ_RUNS requests per operation, default 12); `pnpm test:fuzz` sends over 10,000.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createContractValidator, listOperations, openapiDocument } from "@kroma/contract";
import type { KromaDb } from "@kroma/server";
import { portClient, putScenes, useTestServer } from "@kroma/testkit";
import { type ApiResult, expectOk, inProject } from "@kroma/testkit/api-results";
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
  const created = (await expectOk(api.client.POST("/auth/token", { body: { label: "fuzz" } }))).auth_token;
  token = created.token;
  // The first token turns authentication on for everyone: the rest of the set-up carries it.
  const client = portClient(api.server.url, { token });
  const fuzz = inProject("fuzz");
  const root = (await expectOk(client.GET("/api/projects/{slug}", fuzz))).storage.local.project_root;
  await putScenes(root, ["scenes/a.png"]);
  const idOf = async <T>(pending: Promise<ApiResult<T>>, pick: (body: T) => { id: string }) =>
    pick(await expectOk(pending)).id;
  known.templateId = [
    await idOf(
      client.POST("/api/projects/{slug}/prompt-templates", { ...fuzz, body: { name: "t", template_text: "x" } }),
      (body) => body.prompt_template,
    ),
  ];
  known.styleGuideId = [
    await idOf(
      client.POST("/api/projects/{slug}/style-guides", { ...fuzz, body: { name: "g", instructions: "x" } }),
      (body) => body.style_guide,
    ),
  ];
  known.characterId = [
    await idOf(
      client.POST("/api/projects/{slug}/characters", { ...fuzz, body: { name: "c", description: "x" } }),
      (body) => body.character,
    ),
  ];
  const referenceSetId = await idOf(
    client.POST("/api/projects/{slug}/reference-sets", { ...fuzz, body: { name: "s" } }),
    (body) => body.reference_set,
  );
  known.referenceSetId = [referenceSetId];
  known.itemId = [
    await idOf(
      client.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
        params: { path: { slug: "fuzz", referenceSetId } },
        body: { content_text: "x" },
      }),
      (body) => body.item,
    ),
  ];
  known.sessionId = [
    await idOf(
      client.POST("/api/projects/{slug}/chat/sessions", { ...fuzz, body: { title: "chat" } }),
      (body) => body.session,
    ),
  ];
  known.instructionId = [
    await idOf(
      client.POST("/api/projects/{slug}/agent/instructions", { ...fuzz, body: { instruction_text: "x" } }),
      (body) => body.instruction,
    ),
  ];
  known.providerCode = ["openai"];
  known.secretName = ["api_key"];
  await client.POST("/api/projects/{slug}/secrets", {
    ...fuzz,
    body: { provider_code: "openai", secret_name: "api_key", secret_value: "sk-x" },
  });
  const run = await client.POST("/api/projects/{slug}/runs/trigger", {
    ...fuzz,
    body: { scene_refs: ["scenes/a.png"] },
  });
  known.runId = [run.data?.pipeline_trigger.run_id ?? ""];
  // An asset with a real file, so the file and thumbnail routes answer with bytes, not only 404s.
  const { project } = await expectOk(client.GET("/api/projects/{slug}", fuzz));
  const scene = await readFile(join(root, "scenes/a.png"));
  await api.server.db
    .insertInto("assets")
    .values({
      id: "fuzz-asset",
      project_id: project.id,
      kind: "image",
      rel_path: "scenes/a.png",
      storage_backend: "local",
      mime_type: "image/png",
      sha256: createHash("sha256").update(scene).digest("hex"),
      created_at: new Date().toISOString(),
    })
    .execute();
  known.assetId = ["fuzz-asset"];
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

/** Failures grouped as one readable line each, so a red run says what broke where. */
function describeFailures(failures: FuzzFailure[]): string[] {
  return failures
    .slice(0, 20)
    .map(
      (f) =>
        `${f.operation} [${f.case.kind}] -> ${f.status}: ${f.problem} | sent ${JSON.stringify(f.case).slice(0, 300)} | got ${f.response.slice(0, 200)}`,
    );
}

/**
 * sha256 of every row of every table: the whole database's content, but for `last_used_at`, which
 * the auth check itself refreshes once a minute on any request (so the burst would differ by the
 * clock alone whenever it spans a minute since the token's last use).
 */
async function databaseDigest(db: KromaDb): Promise<string> {
  const { createHash } = await import("node:crypto");
  const hash = createHash("sha256");
  for (const table of await db.introspection.getTables()) {
    const rows = await db
      .selectFrom(table.name as never)
      .selectAll()
      .execute();
    const sorted = rows.map(({ last_used_at: _, ...row }: Record<string, unknown>) => JSON.stringify(row)).sort();
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
