import type { components } from "@kroma/contract";
import type { ApiClient } from "@kroma/testkit/api-client";
import { describe, expect, it } from "vitest";
import { expectNotFound } from "../../../test/envelope.js";
import { createProjects } from "../../../test/projects.js";
import { createTestApp, type TestApp } from "../../../test/setup.js";

// Prompt templates, style guides and characters share their handlers, so they share their cases:
// each kind below names its spec paths literally (typed bodies) and the bodies its cases send.
// In-process; the app checks every JSON response it sends against the spec.

type Schemas = components["schemas"];
/** What every named record has; the rest differs per kind. */
interface Named {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}
type Fetched<T> = Promise<{ data?: T; error?: unknown; response: Response }>;
type OneBody<K extends string, R> = { ok: true } & { [P in K]: R };

interface NamedRecordKind<R extends Named, One extends string, Many extends string, Create, Update> {
  title: string;
  /** As the messages name it: "A <noun> named ...", "<Noun> '<id>' not found". */
  noun: string;
  one: One;
  many: Many;
  /** The collection's URL, for the bodies the spec does not allow (sent untyped). */
  url(slug: string): string;
  list(client: ApiClient, slug: string): Fetched<{ ok: true; count: number } & { [P in Many]: R[] }>;
  create(client: ApiClient, slug: string, body: Create): Fetched<OneBody<One, R>>;
  get(client: ApiClient, slug: string, id: string): Fetched<OneBody<One, R>>;
  update(client: ApiClient, slug: string, id: string, body: Update): Fetched<OneBody<One, R>>;
  remove(client: ApiClient, slug: string, id: string): Fetched<{ ok: true; deleted: true; id: string }>;
  /** A valid create body with this name. */
  named(name: string): Create;
  /** A create body with padded text, and the trimmed record it makes. */
  created: [Create, Partial<R>];
  /** Every field on create, and the record it makes. */
  full: [Create, Partial<R>];
  /** A change of fields besides the name, and the record after it (made from `created`). */
  changed: [Update, Partial<R>];
  /** A rename onto a taken name, with another field that must not be applied either. */
  clashingRename: Update;
  badCreates: [unknown, string][];
  badUpdates: [unknown, string][];
}

/** Only types a kind: the record's schema is named, the keys and bodies are inferred. */
const kind =
  <R extends Named>() =>
  <One extends string, Many extends string, Create, Update>(k: NamedRecordKind<R, One, Many, Create, Update>) =>
    k;

const promptTemplates = kind<Schemas["PromptTemplate"]>()({
  title: "prompt templates",
  noun: "prompt template",
  one: "prompt_template",
  many: "prompt_templates",
  url: (slug) => `/api/projects/${slug}/prompt-templates`,
  list: (client, slug) => client.GET("/api/projects/{slug}/prompt-templates", { params: { path: { slug } } }),
  create: (client, slug, body: Schemas["CreatePromptTemplateRequest"]) =>
    client.POST("/api/projects/{slug}/prompt-templates", { params: { path: { slug } }, body }),
  get: (client, slug, templateId) =>
    client.GET("/api/projects/{slug}/prompt-templates/{templateId}", { params: { path: { slug, templateId } } }),
  update: (client, slug, templateId, body: Schemas["UpdatePromptTemplateRequest"]) =>
    client.PUT("/api/projects/{slug}/prompt-templates/{templateId}", { params: { path: { slug, templateId } }, body }),
  remove: (client, slug, templateId) =>
    client.DELETE("/api/projects/{slug}/prompt-templates/{templateId}", { params: { path: { slug, templateId } } }),
  named: (name) => ({ name, template_text: "x" }),
  created: [
    { name: " Hero shot ", template_text: "A {subject} at {time_of_day}" },
    { name: "Hero shot", template_text: "A {subject} at {time_of_day}" },
  ],
  full: [
    { name: "Full", template_text: " A {subject} " },
    { name: "Full", template_text: "A {subject}" },
  ],
  changed: [{ template_text: "A {subject}" }, { name: "Hero shot", template_text: "A {subject}" }],
  clashingRename: { name: "Unique", template_text: "lost" },
  badCreates: [
    [{ template_text: "x" }, "Field 'name' is required"],
    [{ name: "  ", template_text: "x" }, "Field 'name' is required"],
    [{ name: "A" }, "Field 'template_text' is required"],
    [{ name: "A", template_text: 5 }, "Field 'template_text' must be string"],
    [{ name: "x".repeat(201), template_text: "x" }, "Field 'name' must NOT have more than 200 characters"],
  ],
  badUpdates: [[{ unrelated: 1 }, "Provide at least one of: name, template_text"]],
});

const styleGuides = kind<Schemas["StyleGuide"]>()({
  title: "style guides",
  noun: "style guide",
  one: "style_guide",
  many: "style_guides",
  url: (slug) => `/api/projects/${slug}/style-guides`,
  list: (client, slug) => client.GET("/api/projects/{slug}/style-guides", { params: { path: { slug } } }),
  create: (client, slug, body: Schemas["CreateStyleGuideRequest"]) =>
    client.POST("/api/projects/{slug}/style-guides", { params: { path: { slug } }, body }),
  get: (client, slug, styleGuideId) =>
    client.GET("/api/projects/{slug}/style-guides/{styleGuideId}", { params: { path: { slug, styleGuideId } } }),
  update: (client, slug, styleGuideId, body: Schemas["UpdateStyleGuideRequest"]) =>
    client.PUT("/api/projects/{slug}/style-guides/{styleGuideId}", { params: { path: { slug, styleGuideId } }, body }),
  remove: (client, slug, styleGuideId) =>
    client.DELETE("/api/projects/{slug}/style-guides/{styleGuideId}", { params: { path: { slug, styleGuideId } } }),
  named: (name) => ({ name, instructions: "x" }),
  created: [
    { name: " House style ", instructions: " Flat colours, no gradients " },
    { name: "House style", instructions: "Flat colours, no gradients", notes: "" },
  ],
  full: [
    { name: "Full", instructions: "Ink only", notes: " Agreed " },
    { name: "Full", instructions: "Ink only", notes: "Agreed" },
  ],
  changed: [
    { notes: "Agreed with the client" },
    { name: "House style", instructions: "Flat colours, no gradients", notes: "Agreed with the client" },
  ],
  clashingRename: { name: "Unique", notes: "lost" },
  badCreates: [
    [{ instructions: "x" }, "Field 'name' is required"],
    [{ name: "  ", instructions: "x" }, "Field 'name' is required"],
    [{ name: "A" }, "Field 'instructions' is required"],
    [{ name: "A", instructions: " \n " }, "Field 'instructions' is required"],
    [{ name: "A", instructions: "x", notes: 5 }, "Field 'notes' must be string"],
  ],
  badUpdates: [
    [{ unrelated: 1 }, "Provide at least one of: name, instructions, notes"],
    [{ name: " " }, "Field 'name' is required"],
    [{ instructions: "", notes: "kept?" }, "Field 'instructions' is required"],
  ],
});

const characters = kind<Schemas["Character"]>()({
  title: "characters",
  noun: "character",
  one: "character",
  many: "characters",
  url: (slug) => `/api/projects/${slug}/characters`,
  list: (client, slug) => client.GET("/api/projects/{slug}/characters", { params: { path: { slug } } }),
  create: (client, slug, body: Schemas["CreateCharacterRequest"]) =>
    client.POST("/api/projects/{slug}/characters", { params: { path: { slug } }, body }),
  get: (client, slug, characterId) =>
    client.GET("/api/projects/{slug}/characters/{characterId}", { params: { path: { slug, characterId } } }),
  update: (client, slug, characterId, body: Schemas["UpdateCharacterRequest"]) =>
    client.PUT("/api/projects/{slug}/characters/{characterId}", { params: { path: { slug, characterId } }, body }),
  remove: (client, slug, characterId) =>
    client.DELETE("/api/projects/{slug}/characters/{characterId}", { params: { path: { slug, characterId } } }),
  named: (name) => ({ name }),
  created: [{ name: " Mira " }, { name: "Mira", description: "", prompt_text: "" }],
  full: [
    { name: "Oskar", description: "Old sailor", prompt_text: "grey beard" },
    { name: "Oskar", description: "Old sailor", prompt_text: "grey beard" },
  ],
  changed: [
    { description: "The courier", prompt_text: "a courier with a red scarf" },
    { name: "Mira", description: "The courier", prompt_text: "a courier with a red scarf" },
  ],
  clashingRename: { name: "Unique", prompt_text: "lost" },
  badCreates: [
    [{ description: "x" }, "Field 'name' is required"],
    [{ name: "  " }, "Field 'name' is required"],
    [{ name: "A", prompt_text: 5 }, "Field 'prompt_text' must be string"],
    [{ name: "x".repeat(201) }, "Field 'name' must NOT have more than 200 characters"],
  ],
  badUpdates: [
    [{ unrelated: 1 }, "Provide at least one of: name, description, prompt_text"],
    [{ name: "", description: "kept?" }, "Field 'name' is required"],
  ],
});

// Timestamps have millisecond resolution; a pause makes "later" observable.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A fresh app with the projects `cast` and `other`. */
async function castAndOther(): Promise<TestApp> {
  const app = await createTestApp();
  await createProjects(app.client, "Cast", "Other");
  return app;
}

function namedRecordCases<R extends Named, One extends string, Many extends string, Create, Update>(
  k: NamedRecordKind<R, One, Many, Create, Update>,
) {
  const Noun = k.noun.charAt(0).toUpperCase() + k.noun.slice(1);
  /** The record a create or update answered with, failing the test when there is none. */
  const recordOf = (data: OneBody<One, R> | undefined): R => {
    expect(data, "a success body").toBeDefined();
    return (data as OneBody<One, R>)[k.one];
  };
  const namesIn = async (client: ApiClient) => ((await k.list(client, "cast")).data?.[k.many] ?? []).map((r) => r.name);

  describe(k.title, () => {
    it("creates, lists, reads, updates and deletes", async () => {
      const { client } = await castAndOther();
      const created = await k.create(client, "cast", k.created[0]);
      expect(created.response.status).toBe(200);
      const record = recordOf(created.data);
      expect(record).toMatchObject(k.created[1]);

      const listed = await k.list(client, "cast");
      expect(listed.data).toMatchObject({ ok: true, count: 1, [k.many]: [{ id: record.id }] });
      expect(recordOf((await k.get(client, "cast", record.id)).data)).toEqual(record);

      await tick();
      const updated = recordOf((await k.update(client, "cast", record.id, k.changed[0])).data);
      expect(updated).toMatchObject({ id: record.id, ...k.changed[1] });
      expect(updated.updated_at > record.updated_at).toBe(true);
      expect(updated.created_at).toBe(record.created_at);

      const deleted = await k.remove(client, "cast", record.id);
      expect(deleted.data).toEqual({ ok: true, deleted: true, id: record.id });
      expect((await k.get(client, "cast", record.id)).response.status).toBe(404);
      expect((await k.remove(client, "cast", record.id)).response.status).toBe(404);
    });

    it("accepts every field on create", async () => {
      const { client } = await castAndOther();
      const created = await k.create(client, "cast", k.full[0]);
      expect(recordOf(created.data)).toMatchObject(k.full[1]);
    });

    it("lists the most recently updated first", async () => {
      const { client } = await castAndOther();
      const first = recordOf((await k.create(client, "cast", k.named("Order 1"))).data);
      await tick();
      await k.create(client, "cast", k.named("Order 2"));
      expect(await namesIn(client)).toEqual(["Order 2", "Order 1"]);

      await tick();
      await k.update(client, "cast", first.id, k.changed[0]);
      expect(await namesIn(client)).toEqual(["Order 1", "Order 2"]);
    });

    it("keeps names unique per project (409), but not across projects", async () => {
      const { client } = await castAndOther();
      await k.create(client, "cast", k.named("Unique"));
      const clash = await k.create(client, "cast", k.named(" Unique "));
      expect(clash.response.status).toBe(409);
      expect(clash.error).toMatchObject({
        ok: false,
        error: `A ${k.noun} named 'Unique' already exists in this project`,
        error_code: "conflict",
        details: { field: "name" },
      });
      expect((await k.create(client, "other", k.named("Unique"))).response.status).toBe(200);

      const second = recordOf((await k.create(client, "cast", k.named("Second"))).data);
      const renamed = await k.update(client, "cast", second.id, k.clashingRename);
      expect(renamed.response.status).toBe(409);
      expect(renamed.error).toMatchObject({ error: `A ${k.noun} named 'Unique' already exists in this project` });
      expect(recordOf((await k.get(client, "cast", second.id)).data)).toEqual(second);
    });

    it("rejects bad input with 400 naming the field, changing nothing", async () => {
      const app = await castAndOther();
      const before = (await k.list(app.client, "cast")).data;
      for (const [body, message] of k.badCreates) {
        const response = await app.call("POST", k.url("cast"), body);
        expect(response.status, message).toBe(400);
        expect(response.body.error).toBe(message);
      }
      expect((await k.list(app.client, "cast")).data).toEqual(before);

      const target = recordOf((await k.create(app.client, "cast", k.named("Target"))).data);
      for (const [update, message] of k.badUpdates) {
        const response = await app.call("PUT", `${k.url("cast")}/${target.id}`, update);
        expect(response.status, message).toBe(400);
        expect(response.body.error).toBe(message);
      }
      expect(recordOf((await k.get(app.client, "cast", target.id)).data)).toEqual(target);
    });

    it(`404s unknown projects, unknown ids and another project's ${k.noun} alike`, async () => {
      const { client } = await castAndOther();
      const theirs = recordOf((await k.create(client, "other", k.named("Theirs"))).data).id;
      const ghost = await k.list(client, "ghost");
      expect(ghost.response.status).toBe(404);
      expect(ghost.error).toMatchObject({ error: "Project 'ghost' not found" });
      expect((await k.create(client, "ghost", k.named("A"))).response.status).toBe(404);
      const requests = {
        GET: (id: string) => k.get(client, "cast", id),
        PUT: (id: string) => k.update(client, "cast", id, k.clashingRename),
        DELETE: (id: string) => k.remove(client, "cast", id),
      };
      for (const [method, send] of Object.entries(requests)) {
        for (const id of ["no-such-id", theirs]) {
          expectNotFound(await send(id), `${Noun} '${id}' not found`, `${method} ${id}`);
        }
      }
      expect(recordOf((await k.get(client, "other", theirs)).data).name).toBe("Theirs");
    });
  });
}

namedRecordCases(promptTemplates);
namedRecordCases(styleGuides);
namedRecordCases(characters);
