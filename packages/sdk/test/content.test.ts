import { createKromaClient, KromaApiError } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// One flow per content domain through the SDK, against a real server.
let server: TestServer;
let kroma: ReturnType<typeof createKromaClient>;
const slug = "sdk_content";
beforeAll(async () => {
  server = await startTestServer();
  kroma = createKromaClient({ baseUrl: server.url });
  await kroma.projects.upsert({ name: "SDK Content", slug });
});
afterAll(() => server.stop());

describe("content helpers", () => {
  it("prompt templates", async () => {
    const { prompt_template } = await kroma.promptTemplates.create(slug, {
      name: "Hero",
      template_text: "A {subject}",
    });
    await kroma.promptTemplates.update(slug, prompt_template.id, { template_text: "The {subject}" });
    expect((await kroma.promptTemplates.get(slug, prompt_template.id)).prompt_template.template_text).toBe(
      "The {subject}",
    );
    expect((await kroma.promptTemplates.list(slug)).count).toBe(1);
    expect(await kroma.promptTemplates.remove(slug, prompt_template.id)).toEqual({
      ok: true,
      deleted: true,
      id: prompt_template.id,
    });
  });

  it("provider accounts", async () => {
    await kroma.providerAccounts.upsert(slug, { provider_code: "OpenAI", config_json: { model: "gpt-image-1" } });
    const { provider_account } = await kroma.providerAccounts.update(slug, "openai", { enabled: false });
    expect(provider_account).toMatchObject({
      provider_code: "openai",
      enabled: false,
      config_json: { model: "gpt-image-1" },
    });
    expect((await kroma.providerAccounts.remove(slug, "openai")).provider_code).toBe("openai");
  });

  it("style guides and characters", async () => {
    const { style_guide } = await kroma.styleGuides.create(slug, { name: "Noir", instructions: "High contrast" });
    expect((await kroma.styleGuides.get(slug, style_guide.id)).style_guide.instructions).toBe("High contrast");
    const { character } = await kroma.characters.create(slug, { name: "Mara", prompt_text: "red coat" });
    expect((await kroma.characters.list(slug)).characters.map((c) => c.id)).toEqual([character.id]);
  });

  it("reference sets and items", async () => {
    const { reference_set } = await kroma.referenceSets.create(slug, { name: "Moodboard" });
    await kroma.referenceSets.items.create(slug, reference_set.id, { label: "Rain", content_text: "wet asphalt" });
    const { items } = await kroma.referenceSets.items.list(slug, reference_set.id);
    expect(items.map((item) => item.label)).toEqual(["Rain"]);
    expect((await kroma.referenceSets.get(slug, reference_set.id)).reference_set.item_count).toBe(1);
  });

  it("asset links", async () => {
    const { project } = await kroma.projects.get(slug);
    // Assets come from run ingest (not yet built); write two straight into the server's database.
    const created_at = new Date().toISOString();
    await server.db
      .insertInto("assets")
      .values(
        ["sdk-a", "sdk-b"].map((id) => ({
          id,
          project_id: project.id,
          kind: "image",
          storage_backend: "local",
          created_at,
        })),
      )
      .execute();
    const { asset_link } = await kroma.assetLinks.create(slug, { parent_asset_id: "sdk-a", child_asset_id: "sdk-b" });
    expect(asset_link.link_type).toBe("derived_from");
    expect((await kroma.assetLinks.list(slug, { asset_id: "sdk-b" })).count).toBe(1);
  });

  it("chat", async () => {
    const { session } = await kroma.chat.createSession(slug, { title: "Ideas" });
    await kroma.chat.addMessage(slug, session.id, { role: "user", content: "Make it rain" });
    expect((await kroma.chat.listMessages(slug, session.id)).messages.map((m) => m.content)).toEqual(["Make it rain"]);
    expect((await kroma.chat.getSession(slug, session.id)).session.message_count).toBe(1);
  });

  it("agent instructions", async () => {
    const { instruction } = await kroma.agentInstructions.create(slug, { instruction_text: "Upscale the finals" });
    await kroma.agentInstructions.confirm(slug, instruction.id, { message: "go" });
    const { events } = await kroma.agentInstructions.events(slug, instruction.id);
    expect(events.map((e) => e.event_type)).toEqual(["created", "confirmed"]);
    const error = await kroma.agentInstructions.confirm(slug, instruction.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KromaApiError);
    expect(error).toMatchObject({ status: 409, code: "conflict" });
  });
});
