import { createKromaClient, type RunEvent, type RunProgressEvent, type Schema } from "@kroma/sdk";
import { describe, expectTypeOf, it } from "vitest";

const kroma = createKromaClient({ baseUrl: "http://127.0.0.1:8788" });

describe("SDK types", () => {
  it("returns the spec's body types", () => {
    expectTypeOf(kroma.projects.list).returns.resolves.toEqualTypeOf<Schema<"ProjectListResponse">>();
    expectTypeOf(kroma.projects.get).returns.resolves.toEqualTypeOf<Schema<"ProjectDetailResponse">>();
    expectTypeOf(kroma.health).returns.resolves.toHaveProperty("service").toEqualTypeOf<"kroma-backend-core">();
  });

  it("refuses wrong paths, bodies and parameters", () => {
    // @ts-expect-error: no such path
    void kroma.raw.GET("/api/projectz");
    // @ts-expect-error: `name` is required
    void kroma.projects.upsert({ slug: "x" });
    // @ts-expect-error: `enabled` is a boolean
    void kroma.storage.updateS3("x", { enabled: "yes" });
    // @ts-expect-error: the slug path parameter is required
    void kroma.raw.GET("/api/projects/{slug}", { params: { path: {} } });
  });
});

describe("content helper types", () => {
  it("return the spec's bodies", () => {
    expectTypeOf(kroma.promptTemplates.list).returns.resolves.toEqualTypeOf<Schema<"PromptTemplateListResponse">>();
    expectTypeOf(kroma.referenceSets.items.get).returns.resolves.toEqualTypeOf<Schema<"ReferenceItemResponse">>();
    expectTypeOf(kroma.agentInstructions.events).returns.resolves.toEqualTypeOf<
      Schema<"AgentInstructionEventListResponse">
    >();
  });

  it("refuse wrong bodies", () => {
    // @ts-expect-error: template_text is required
    void kroma.promptTemplates.create("p", { name: "x" });
    // @ts-expect-error: role must be one of user, assistant, system, tool
    void kroma.chat.addMessage("p", "s", { role: "robot", content: "hi" });
  });
});

describe("run event types", () => {
  it("narrow on `type`", async () => {
    for await (const event of kroma.runs.events("p", "r")) {
      if (event.type === "done") {
        expectTypeOf(event.summary).toEqualTypeOf<Schema<"JsonObject"> | null>();
        expectTypeOf(event.status).toEqualTypeOf<Schema<"RunRecordStatus">>();
      } else if (event.type === "progress") {
        expectTypeOf(event.phase).toEqualTypeOf<NonNullable<Schema<"RunEvent">["phase"]>>();
        expectTypeOf(event.job_index).toBeNumber();
      } else {
        expectTypeOf(event.type).toEqualTypeOf<"status">();
        // A status event carries no phase: read anyway, it is undefined.
        expectTypeOf(event.phase).toEqualTypeOf<undefined>();
      }
    }
  });

  it("cover every type the spec names", () => {
    expectTypeOf<RunEvent["type"]>().toEqualTypeOf<Schema<"RunEvent">["type"]>();
    expectTypeOf<RunProgressEvent>().toMatchTypeOf<Schema<"RunEvent">>();
  });
});

describe("list iterators", () => {
  it("yield the list's rows and take its filters, not its paging", () => {
    expectTypeOf(kroma.runs.iterate("p")).toEqualTypeOf<AsyncGenerator<Schema<"Run">>>();
    expectTypeOf(kroma.assets.iterate("p", { run_id: "r" })).toEqualTypeOf<AsyncGenerator<Schema<"Asset">>>();
    expectTypeOf(kroma.trash.iterate("p")).toEqualTypeOf<AsyncGenerator<Schema<"TrashEntry">>>();
    // @ts-expect-error: the iterator pages itself; the page size is an option
    void kroma.exports.iterate("p", { offset: 10 });
    // @ts-expect-error: no such export status
    void kroma.exports.iterate("p", { status: "lost" });
  });
});
