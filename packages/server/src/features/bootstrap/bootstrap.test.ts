import type { components } from "@kroma/contract";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import type { HttpCall } from "@kroma/testkit/http-client";
import { useTestServer } from "@kroma/testkit/test-server";
import { describe, expect, it } from "vitest";

// Through real HTTP; the server checks every JSON response it sends against the spec. Requests
// the spec allows go through the typed client; the one it refuses through the untyped `call`.
const api = useTestServer();
const call: HttpCall = (...args) => api.call(...args);

let projectCount = 0;

/** A fresh project per test, so tests do not see each other's records. */
async function newProject(): Promise<string> {
  projectCount += 1;
  const body = { name: `Boot ${projectCount}`, description: "Start" };
  return (await expectOk(api.client.POST("/api/projects", { body }))).project.slug;
}

/** A project with a record in every section, created out of name order. */
async function seededProject(): Promise<string> {
  const slug = await newProject();
  const at = inProject(slug);
  const { client } = api;
  await client.POST("/api/projects/{slug}/provider-accounts", {
    ...at,
    body: {
      provider_code: "openai",
      display_name: "OpenAI",
      base_url: "https://api.openai.com",
      config_json: { model: "gpt-image-1", size: "1024x1024" },
    },
  });
  await client.POST("/api/projects/{slug}/provider-accounts", {
    ...at,
    body: { provider_code: "fal", enabled: false },
  });
  const guide = (body: { name: string; instructions: string; notes?: string }) =>
    client.POST("/api/projects/{slug}/style-guides", { ...at, body });
  await guide({ name: "Watercolor", instructions: "Soft washes", notes: "n" });
  await guide({ name: "Noir", instructions: "High contrast" });
  await client.POST("/api/projects/{slug}/characters", {
    ...at,
    body: { name: "Mara", description: "Scout", prompt_text: "red coat" },
  });
  const set = await expectOk(
    client.POST("/api/projects/{slug}/reference-sets", { ...at, body: { name: "Moods", description: "Palettes" } }),
  );
  const inSet = { params: { path: { slug, referenceSetId: set.reference_set.id } } };
  await client.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
    ...inSet,
    body: { label: "Second", content_text: "dusk", sort_order: 2 },
  });
  await client.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
    ...inSet,
    body: { label: "First", content_uri: "https://example.com/a.png", sort_order: 1, metadata_json: { weight: 0.5 } },
  });
  await client.POST("/api/projects/{slug}/prompt-templates", {
    ...at,
    body: { name: "Hero", template_text: "A {subject}" },
  });
  return slug;
}

const projectOf = async (slug: string) =>
  (await expectOk(api.client.GET("/api/projects/{slug}", inProject(slug)))).project;

/** Everything the list endpoints show, timestamps included, to prove what did or did not change. */
async function snapshot(slug: string) {
  const { client } = api;
  const at = inProject(slug);
  const sets = (await expectOk(client.GET("/api/projects/{slug}/reference-sets", at))).reference_sets;
  const items = [];
  for (const set of sets) {
    const inSet = { params: { path: { slug, referenceSetId: set.id } } };
    items.push((await expectOk(client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}/items", inSet))).items);
  }
  return {
    project: await projectOf(slug),
    provider_accounts: (await expectOk(client.GET("/api/projects/{slug}/provider-accounts", at))).provider_accounts,
    style_guides: (await expectOk(client.GET("/api/projects/{slug}/style-guides", at))).style_guides,
    characters: (await expectOk(client.GET("/api/projects/{slug}/characters", at))).characters,
    reference_sets: sets,
    items,
    prompt_templates: (await expectOk(client.GET("/api/projects/{slug}/prompt-templates", at))).prompt_templates,
  };
}

type ImportBody = components["schemas"]["BootstrapImportRequest"];
/** The envelope's `details` of a refused import (the spec leaves their shape open). */
type ImportDetails = { field?: string; issues: { message: string }[] };
const detailsOf = (error: { details?: unknown } | undefined) => error?.details as ImportDetails;

/** The parts of the export's JSON Schema the tests read (the spec types it as any JSON object). */
type ExpectedSchema = {
  $schema: string;
  required: string[];
  properties: Record<string, { items: { required: string[] } }>;
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const importInto = (slug: string, body: ImportBody) =>
  api.client.POST("/api/projects/{slug}/bootstrap-import", { ...inProject(slug), body });
const exportOf = (slug: string) => expectOk(api.client.GET("/api/projects/{slug}/bootstrap-prompt", inProject(slug)));
const none = { created: 0, updated: 0, removed: 0, unchanged: 0 };

async function auditRows(slug: string) {
  const project = await projectOf(slug);
  return api.server.db.selectFrom("audit_events").selectAll().where("project_id", "=", project.id).execute();
}

async function addSecret(slug: string) {
  const project = await projectOf(slug);
  const now = new Date().toISOString();
  await api.server.db
    .insertInto("secret_keys")
    .values({ id: `key-${slug}`, wrapped_key: "WRAPPED-KEY-VALUE", active: 1, created_at: now })
    .execute();
  await api.server.db
    .insertInto("project_secrets")
    .values({
      project_id: project.id,
      provider_code: "openai",
      secret_name: "api_key",
      key_id: `key-${slug}`,
      nonce: "NONCE-VALUE",
      ciphertext: "CIPHERTEXT-VALUE",
      auth_tag: "AUTH-TAG-VALUE",
      hint: "sk-...XYZW",
      created_at: now,
      updated_at: now,
    })
    .execute();
}

describe("bootstrap export", () => {
  it("returns the project's settings sorted, the expected shape and a prompt", async () => {
    const slug = await seededProject();
    await addSecret(slug);
    const { bootstrap } = await exportOf(slug);
    expect(bootstrap.schema_version).toBe(1);
    expect(bootstrap.project).toEqual(await projectOf(slug));
    expect(bootstrap.settings).toEqual({
      project: { name: bootstrap.project.name, description: "Start" },
      provider_accounts: [
        { provider_code: "fal", display_name: "fal", account_ref: "", base_url: "", enabled: false, config_json: {} },
        {
          provider_code: "openai",
          display_name: "OpenAI",
          account_ref: "",
          base_url: "https://api.openai.com",
          enabled: true,
          config_json: { model: "gpt-image-1", size: "1024x1024" },
        },
      ],
      style_guides: [
        { name: "Noir", instructions: "High contrast", notes: "" },
        { name: "Watercolor", instructions: "Soft washes", notes: "n" },
      ],
      characters: [{ name: "Mara", description: "Scout", prompt_text: "red coat" }],
      reference_sets: [
        {
          name: "Moods",
          description: "Palettes",
          items: [
            {
              label: "First",
              content_uri: "https://example.com/a.png",
              content_text: null,
              sort_order: 1,
              metadata_json: { weight: 0.5 },
            },
            { label: "Second", content_uri: null, content_text: "dusk", sort_order: 2, metadata_json: {} },
          ],
        },
      ],
      prompt_templates: [{ name: "Hero", template_text: "A {subject}" }],
      secrets: [{ provider_code: "openai", secret_name: "api_key" }],
    });

    const schema = bootstrap.expected_response as ExpectedSchema;
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual([
      "project",
      "provider_accounts",
      "style_guides",
      "characters",
      "reference_sets",
      "prompt_templates",
    ]);
    expect(Object.keys(schema.properties)).not.toContain("secrets");
    expect(schema.properties.reference_sets?.items.required).toEqual(["name", "items"]);
    // Component references are inlined: the assistant never sees the spec.
    expect(JSON.stringify(schema)).not.toContain("$ref");

    const { secrets, ...shared } = bootstrap.settings;
    expect(secrets).toHaveLength(1);
    expect(bootstrap.prompt).toContain(JSON.stringify(shared, null, 2));
    expect(bootstrap.prompt).toContain("```json");
    expect(bootstrap.prompt).toContain("ONE JSON object");
    expect(bootstrap.prompt).toContain("openai/api_key");
    expect(bootstrap.prompt).toContain('Every reference set must carry "items" ([] for none)');
  });

  it("never exposes secret values", async () => {
    const slug = await seededProject();
    await addSecret(slug);
    const text = JSON.stringify(await exportOf(slug));
    for (const value of ["CIPHERTEXT-VALUE", "NONCE-VALUE", "AUTH-TAG-VALUE", "WRAPPED-KEY-VALUE", "XYZW", "key-"]) {
      expect(text).not.toContain(value);
    }
  });

  it("is deterministic: the same settings give the same export, whatever the creation order", async () => {
    const slug = await seededProject();
    const first = await exportOf(slug);
    await tick();
    const second = await exportOf(slug);
    expect(second.bootstrap.generated_at >= first.bootstrap.generated_at).toBe(true);
    const { generated_at: _a, ...rest1 } = first.bootstrap;
    const { generated_at: _b, ...rest2 } = second.bootstrap;
    expect(rest2).toEqual(rest1);
    expect(second.bootstrap.prompt).toBe(first.bootstrap.prompt);

    // The same records created in the opposite order export identically.
    const other = await newProject();
    const { settings } = first.bootstrap;
    const reversed = {
      ...settings,
      project: { name: (await exportOf(other)).bootstrap.project.name, description: "Start" },
      provider_accounts: [...(settings.provider_accounts ?? [])].reverse(),
      style_guides: [...(settings.style_guides ?? [])].reverse(),
      reference_sets: (settings.reference_sets ?? []).map((set) => ({
        ...set,
        items: [...set.items].reverse(),
      })),
    };
    expect((await importInto(other, { settings: reversed })).response.status).toBe(200);
    const { project: _p1, ...settings1 } = settings;
    const { project: _p2, ...settings2 } = (await exportOf(other)).bootstrap.settings;
    expect(settings2).toEqual({ ...settings1, secrets: [] });
  });

  it("404s an unknown project", async () => {
    const exported = await api.client.GET("/api/projects/{slug}/bootstrap-prompt", inProject("nope"));
    expect(exported.response.status).toBe(404);
    expect(exported.error?.error).toBe("Project 'nope' not found");
    const imported = await importInto("nope", { settings: {} });
    expect(imported.response.status).toBe(404);
    expect(imported.error?.error).toBe("Project 'nope' not found");
  });
});

describe("bootstrap import", () => {
  it("round trip: importing the export in replace mode changes nothing", async () => {
    const slug = await seededProject();
    await addSecret(slug);
    const before = await snapshot(slug);
    const { settings } = (await exportOf(slug)).bootstrap;
    await tick();
    const body = await expectOk(importInto(slug, { settings, mode: "replace" }));
    expect(body.bootstrap_import).toMatchObject({
      schema_version: 1,
      mode: "replace",
      dry_run: false,
      applied: true,
      project_updated: false,
    });
    expect(body.bootstrap_import.changes).toEqual({
      provider_accounts: { ...none, unchanged: 2 },
      style_guides: { ...none, unchanged: 2 },
      characters: { ...none, unchanged: 1 },
      reference_sets: { ...none, unchanged: 1 },
      prompt_templates: { ...none, unchanged: 1 },
    });
    expect(body.bootstrap_import.settings).toEqual(settings);
    expect(body.bootstrap_import.project).toEqual(before.project);
    expect(await snapshot(slug)).toEqual(before);
  });

  it("merge creates and updates by name, leaving unmentioned records alone", async () => {
    const slug = await seededProject();
    const before = await snapshot(slug);
    await tick();
    const body = await expectOk(
      importInto(slug, {
        settings: {
          style_guides: [
            { name: "Noir", instructions: "Even higher contrast" },
            { name: " Pastel ", instructions: " Light ", notes: " soft " },
          ],
          provider_accounts: [{ provider_code: " OpenAI ", config_json: { size: "1024x1024", model: "gpt-image-1" } }],
          characters: [],
        },
      }),
    );
    const result = body.bootstrap_import;
    expect(result.mode).toBe("merge");
    expect(result.changes).toEqual({
      provider_accounts: { ...none, unchanged: 1 },
      style_guides: { ...none, created: 1, updated: 1 },
      characters: none,
      reference_sets: none,
      prompt_templates: none,
    });

    const after = await snapshot(slug);
    const guides = Object.fromEntries(after.style_guides.map((guide) => [guide.name, guide]));
    const old = Object.fromEntries(before.style_guides.map((guide) => [guide.name, guide]));
    // Omitted fields keep their stored values.
    expect(guides.Noir).toMatchObject({ id: old.Noir?.id, instructions: "Even higher contrast", notes: "" });
    expect(String(guides.Noir?.updated_at) > String(old.Noir?.updated_at)).toBe(true);
    expect(guides.Watercolor).toEqual(old.Watercolor);
    expect(guides.Pastel).toMatchObject({ instructions: "Light", notes: "soft" });
    expect(after.characters).toEqual(before.characters);
    expect(after.provider_accounts).toEqual(before.provider_accounts);
    expect(after.reference_sets).toEqual(before.reference_sets);
    expect(after.prompt_templates).toEqual(before.prompt_templates);
    expect(result.settings).toEqual((await exportOf(slug)).bootstrap.settings);
  });

  it("replace leaves each given section holding exactly the imported records; other sections stay", async () => {
    const slug = await seededProject();
    const before = await snapshot(slug);
    const body = await expectOk(
      importInto(slug, {
        mode: "replace",
        settings: {
          style_guides: [{ name: "Watercolor", instructions: "Soft washes", notes: "n" }],
          characters: [],
          reference_sets: [{ name: "Shapes", items: [{ content_text: "circle" }, { content_text: "square" }] }],
          provider_accounts: [{ provider_code: "openai", enabled: false }],
        },
      }),
    );
    expect(body.bootstrap_import.changes).toEqual({
      provider_accounts: { ...none, updated: 1, removed: 1 },
      style_guides: { ...none, unchanged: 1, removed: 1 },
      characters: { ...none, removed: 1 },
      reference_sets: { ...none, created: 1, removed: 1 },
      prompt_templates: none,
    });
    const after = await snapshot(slug);
    expect(after.style_guides.map((guide: { name: string }) => guide.name)).toEqual(["Watercolor"]);
    expect(after.characters).toEqual([]);
    expect(after.prompt_templates).toEqual(before.prompt_templates);
    expect(after.provider_accounts).toMatchObject([
      { provider_code: "openai", enabled: false, display_name: "OpenAI" },
    ]);
    expect(after.reference_sets).toMatchObject([{ name: "Shapes", item_count: 2 }]);
    expect(after.items).toMatchObject([
      [
        { label: "", content_text: "circle", content_uri: null, sort_order: 0, metadata_json: {} },
        { content_text: "square", sort_order: 1 },
      ],
    ]);
    // The removed set's items went with it.
    const project = after.project;
    const itemRows = await api.server.db
      .selectFrom("reference_items")
      .select("content_text")
      .where("project_id", "=", project.id)
      .execute();
    expect(itemRows.map((row) => row.content_text).sort()).toEqual(["circle", "square"]);
  });

  it("replaces a reference set's items when the set is updated", async () => {
    const slug = await seededProject();
    const before = await snapshot(slug);
    await tick();
    const body = await expectOk(
      importInto(slug, {
        settings: {
          reference_sets: [{ name: "Moods", items: [{ label: "Only", content_text: "noon", sort_order: 5 }] }],
        },
      }),
    );
    expect(body.bootstrap_import.changes.reference_sets).toEqual({ ...none, updated: 1 });
    const after = await snapshot(slug);
    const [set, oldSet] = [after.reference_sets[0], before.reference_sets[0]];
    expect(set).toMatchObject({ id: oldSet?.id, description: "Palettes" });
    expect(String(set?.updated_at) > String(oldSet?.updated_at)).toBe(true);
    expect(after.items).toMatchObject([[{ label: "Only", content_text: "noon", sort_order: 5 }]]);
  });

  it("updates the project's name and description", async () => {
    const slug = await newProject();
    const unchanged = await importInto(slug, { settings: { project: { description: " Start " } } });
    expect(unchanged.data?.bootstrap_import.project_updated).toBe(false);

    const body = await expectOk(importInto(slug, { settings: { project: { name: " Renamed ", description: "New" } } }));
    expect(body.bootstrap_import.project_updated).toBe(true);
    expect(body.bootstrap_import.project).toMatchObject({ slug, name: "Renamed", description: "New" });
    expect(await projectOf(slug)).toEqual(body.bootstrap_import.project);
    expect(body.bootstrap_import.settings.project).toEqual({ name: "Renamed", description: "New" });
  });

  it("ignores the secrets section", async () => {
    const slug = await newProject();
    const body = await expectOk(
      importInto(slug, {
        settings: { secrets: [{ provider_code: "openai", secret_name: "api_key" }] },
      }),
    );
    expect(body.bootstrap_import.settings.secrets).toEqual([]);
  });
});

describe("bootstrap import from an assistant's reply", () => {
  it("takes the ```json fenced block of a reply", async () => {
    const slug = await newProject();
    const reply = [
      "Sure! Here are settings with a {subject} template:",
      "",
      "```json",
      JSON.stringify({ prompt_templates: [{ name: "Wide", template_text: "A {subject}, wide" }] }, null, 2),
      "```",
      "",
      'Let me know if you want changes. Example: {"not": "this"}',
    ].join("\n");
    const body = await expectOk(importInto(slug, { ai_response_text: reply }));
    expect(body.bootstrap_import.changes.prompt_templates).toEqual({ ...none, created: 1 });
    expect(body.bootstrap_import.settings.prompt_templates).toEqual([
      { name: "Wide", template_text: "A {subject}, wide" },
    ]);
  });

  it("finds a bare object between prose, even prose with braces in it", async () => {
    const slug = await newProject();
    const reply =
      "I kept {placeholders} as they were. Here it is:\n" +
      JSON.stringify({ characters: [{ name: "Ivo", prompt_text: "uses } and { in text" }] }) +
      "\nHope this helps!";
    const body = await expectOk(importInto(slug, { ai_response_text: reply }));
    expect(body.bootstrap_import.settings.characters).toEqual([
      { name: "Ivo", description: "", prompt_text: "uses } and { in text" },
    ]);
  });

  it("rejects a reply without usable JSON with 400 naming ai_response_text", async () => {
    const slug = await seededProject();
    const before = await snapshot(slug);
    for (const [text, message] of [
      ["No settings, sorry.", "Field 'ai_response_text' holds no JSON object"],
      ["```json\n[1, 2]\n```", "Field 'ai_response_text' must hold a JSON object"],
      ['{"hello": "world"}', "Field 'ai_response_text' holds a JSON object with none of:"],
    ] as const) {
      const response = await importInto(slug, { ai_response_text: text });
      expect(response.response.status, text).toBe(400);
      expect(response.error?.error, text).toContain(message);
      expect(detailsOf(response.error).field).toBe("ai_response_text");
    }
    const broken = await importInto(slug, { ai_response_text: '```json\n{"style_guides": [,]}\n```' });
    expect(broken.response.status).toBe(400);
    expect(broken.error?.error).toMatch(/^Field 'ai_response_text' holds invalid JSON/);
    expect(await snapshot(slug)).toEqual(before);
  });

  it("validates the extracted settings against the schema, naming settings.* fields", async () => {
    const slug = await seededProject();
    const before = await snapshot(slug);
    const reply = `\`\`\`json\n${JSON.stringify({
      style_guides: [{ name: "Ink" }],
      reference_sets: [{ name: "Set" }],
    })}\n\`\`\``;
    const { response, error } = await importInto(slug, { ai_response_text: reply });
    expect(response.status).toBe(400);
    expect(error?.error).toBe(
      "Field 'settings.style_guides.0.instructions' is required; Field 'settings.reference_sets.0.items' is required",
    );
    expect(detailsOf(error).field).toBe("settings.style_guides.0.instructions");
    expect(await snapshot(slug)).toEqual(before);
  });

  it("unwraps a reply that wraps the settings in a settings key", async () => {
    const slug = await newProject();
    const reply = JSON.stringify({ settings: { style_guides: [{ name: "Ink", instructions: "Lines" }] } });
    const body = await expectOk(importInto(slug, { ai_response_text: reply }));
    expect(body.bootstrap_import.changes.style_guides).toEqual({ ...none, created: 1 });
  });
});

describe("bootstrap import validation", () => {
  it("needs exactly one of settings and ai_response_text", async () => {
    const slug = await newProject();
    const neither = await importInto(slug, { mode: "merge" });
    expect(neither.response.status).toBe(400);
    expect(neither.error?.error).toBe("Provide one of: settings, ai_response_text");
    const both = await importInto(slug, { settings: {}, ai_response_text: "{}" });
    expect(both.response.status).toBe(400);
    expect(both.error?.error).toBe("Provide only one of: settings, ai_response_text");
  });

  it("is all or nothing: one bad record and nothing is written", async () => {
    const slug = await seededProject();
    const before = await snapshot(slug);
    const audits = (await auditRows(slug)).length;
    const { response, error } = await importInto(slug, {
      settings: {
        style_guides: [{ name: "Valid", instructions: "Fine" }],
        reference_sets: [{ name: "Refs", items: [{ content_text: "ok" }, { label: "empty", content_text: "  " }] }],
      },
    });
    expect(response.status).toBe(400);
    expect(error?.error).toBe(
      "Field 'settings.reference_sets.0.items.1' needs at least one of: content_uri, content_text",
    );
    expect(detailsOf(error).field).toBe("settings.reference_sets.0.items.1");
    expect(await snapshot(slug)).toEqual(before);
    expect(await auditRows(slug)).toHaveLength(audits);
  });

  it("reports every rule broken, naming each path", async () => {
    const slug = await seededProject();
    const before = await snapshot(slug);
    const { response, error } = await importInto(slug, {
      mode: "replace",
      settings: {
        project: { name: "  " },
        provider_accounts: [
          { provider_code: "OpenAI" },
          { provider_code: " openai " },
          { provider_code: "!!!" },
          { provider_code: "fal", base_url: "ftp://example.com" },
        ],
        style_guides: [
          { name: "A", instructions: "x" },
          { name: "A ", instructions: "y" },
          { name: " ", instructions: " " },
        ],
        characters: [{ name: "" }],
        prompt_templates: [{ name: "T", template_text: "  " }],
        reference_sets: [{ name: "  ", items: [] }],
      },
    });
    expect(response.status).toBe(400);
    expect(detailsOf(error).issues.map((issue: { message: string }) => issue.message)).toEqual([
      "Field 'settings.project.name' is required",
      "Field 'settings.provider_accounts.2.provider_code' is required",
      "Field 'settings.provider_accounts.3.base_url' must be an http(s) URL",
      "Field 'settings.style_guides.2.name' is required",
      "Field 'settings.style_guides.2.instructions' is required",
      "Field 'settings.characters.0.name' is required",
      "Field 'settings.reference_sets.0.name' is required",
      "Field 'settings.prompt_templates.0.template_text' is required",
      "Field 'settings.provider_accounts.1.provider_code' repeats 'openai' of settings.provider_accounts.0 (provider_code must be unique within a section)",
      "Field 'settings.style_guides.1.name' repeats 'A' of settings.style_guides.0 (name must be unique within a section)",
    ]);
    expect(error?.error).toBe(
      detailsOf(error)
        .issues.map((issue: { message: string }) => issue.message)
        .join("; "),
    );
    expect(await snapshot(slug)).toEqual(before);
  });

  it("applies the spec's limits to settings too", async () => {
    const slug = await newProject();
    // Untyped on purpose: `mode: "overwrite"` is outside the spec's enum, the refusal under test.
    const { status, body } = await call("POST", `/api/projects/${slug}/bootstrap-import`, {
      settings: { characters: [{ name: "x".repeat(201) }] },
      mode: "overwrite",
    });
    expect(status).toBe(400);
    expect(body.error).toContain("Field 'settings.characters.0.name' must NOT have more than 200 characters");
    expect(body.error).toContain("Field 'mode' must be one of: merge, replace");
  });
});

describe("bootstrap import dry run and audit", () => {
  it("dry run reports what a real import does, and writes nothing", async () => {
    const slug = await seededProject();
    const other = await seededProject();
    const before = await snapshot(slug);
    const audits = (await auditRows(slug)).length;
    const request: ImportBody = {
      mode: "replace",
      settings: {
        project: { description: "Changed" },
        style_guides: [{ name: "Noir", instructions: "Grey" }],
        characters: [{ name: "Mara", description: "Scout", prompt_text: "red coat" }, { name: "Ivo" }],
      },
    };
    const dry = await expectOk(importInto(slug, { ...request, dry_run: true }));
    expect(dry.bootstrap_import).toMatchObject({ dry_run: true, applied: false, project_updated: true });
    expect(dry.bootstrap_import.project).toEqual(before.project);
    expect(await snapshot(slug)).toEqual(before);
    expect(await auditRows(slug)).toHaveLength(audits);

    // The same import for real, on an identical project, gives the same report and settings.
    const real = await expectOk(importInto(other, request));
    expect(real.bootstrap_import).toMatchObject({ dry_run: false, applied: true, project_updated: true });
    expect(real.bootstrap_import.changes).toEqual(dry.bootstrap_import.changes);
    expect(real.bootstrap_import.changes).toEqual({
      provider_accounts: none,
      style_guides: { ...none, updated: 1, removed: 1 },
      characters: { ...none, created: 1, unchanged: 1 },
      reference_sets: none,
      prompt_templates: none,
    });
    const { project: dryProject, ...drySettings } = dry.bootstrap_import.settings;
    const { project: realProject, ...realSettings } = real.bootstrap_import.settings;
    expect(realSettings).toEqual(drySettings);
    expect(dryProject?.description).toBe("Changed");
    expect(realProject?.description).toBe("Changed");
  });

  it("records one audit event per real import, with the counts and no values", async () => {
    const slug = await seededProject();
    const before = (await auditRows(slug)).length;
    const body = await expectOk(
      importInto(slug, {
        mode: "replace",
        settings: { prompt_templates: [{ name: "New", template_text: "x" }] },
      }),
    );
    const rows = await auditRows(slug);
    expect(rows).toHaveLength(before + 1);
    const event = rows.find((row) => row.action === "bootstrap.import");
    expect(event).toMatchObject({
      target_type: "project",
      target_id: body.bootstrap_import.project.id,
      actor_token_id: null,
    });
    expect(JSON.parse(event?.detail_json ?? "{}")).toEqual({
      mode: "replace",
      project_updated: false,
      changes: body.bootstrap_import.changes,
    });
  });
});
