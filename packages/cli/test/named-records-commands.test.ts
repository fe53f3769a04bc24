import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKroma } from "./kroma-bin.js";

let server: TestServer;
let dir: string;
const kroma = (args: string[]) => runKroma(server.url, args);
const sdk = () => createKromaClient({ baseUrl: server.url });

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  await sdk().projects.upsert({ name: "Named" });
  dir = await mkdtemp(join(tmpdir(), "kroma-named-"));
});
afterAll(() => server.stop());

describe("kroma templates|styles|characters", () => {
  it("creates a prompt template from flags, edits it by name, shows and deletes it", async () => {
    const created = await kroma([
      "--json",
      "templates",
      "create",
      "-p",
      "named",
      "--name",
      "hero",
      "--text",
      "A {subject}",
    ]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const answer = JSON.parse(created.stdout);
    expect(answer).toEqual({
      ok: true,
      prompt_template: {
        id: expect.any(String),
        project_id: expect.any(String),
        name: "hero",
        template_text: "A {subject}",
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
    });
    const id = answer.prompt_template.id as string;

    const edited = await kroma(["templates", "edit", "hero", "-p", "named", "--text", "A {subject} at night"]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toBe(`Prompt template hero saved (${id})\n`);
    expect((await sdk().promptTemplates.get("named", id)).prompt_template).toMatchObject({
      name: "hero",
      template_text: "A {subject} at night",
    });

    const shown = await kroma(["--json", "templates", "show", id, "-p", "named"]);
    expect(JSON.parse(shown.stdout)).toEqual(await sdk().promptTemplates.get("named", id));
    const listed = await kroma(["templates", "list", "-p", "named"]);
    expect(listed.stdout).toMatch(/^ID\s+NAME\s+UPDATED_AT\n/);
    expect(listed.stdout).toContain("hero");

    const deleted = await kroma(["--json", "templates", "delete", "hero", "-p", "named"]);
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ ok: true });
    expect((await sdk().promptTemplates.list("named")).count).toBe(0);

    const gone = await kroma(["templates", "delete", "hero", "-p", "named"]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe(
      "kroma: No prompt template 'hero' in project named: give an id or name from kroma templates list -p named\n",
    );
  });

  it("creates style guides and characters from a YAML or JSON file, flags over the file", async () => {
    const yaml = join(dir, "noir.yaml");
    await writeFile(yaml, "name: noir\ninstructions: |\n  High contrast.\n  Deep shadows.\nnotes: from a file\n");
    const style = await kroma(["--json", "styles", "create", "-p", "named", "--file", yaml, "--notes", "from a flag"]);
    expect(style.code).toBe(0);
    expect(JSON.parse(style.stdout).style_guide).toMatchObject({
      name: "noir",
      // the server trims the text
      instructions: "High contrast.\nDeep shadows.",
      notes: "from a flag",
    });

    const json = join(dir, "ada.json");
    await writeFile(
      json,
      JSON.stringify({ name: "Ada", description: "an engineer", prompt_text: "Ada, in a lab coat" }),
    );
    const character = await kroma(["characters", "create", "-p", "named", "--file", json]);
    expect(character.code).toBe(0);
    expect(character.stdout).toMatch(/^Character Ada saved \(\S+\)\n$/);

    // A listed record edits as it is: the answer's id and timestamps are skipped.
    const [ada] = (await sdk().characters.list("named")).characters;
    await writeFile(json, JSON.stringify({ ...ada, prompt_text: "Ada, smiling" }));
    const edited = await kroma(["--json", "characters", "edit", "Ada", "-p", "named", "--file", json]);
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout).character).toMatchObject({ id: ada?.id, prompt_text: "Ada, smiling" });

    const styleEdit = await kroma(["styles", "edit", "noir", "-p", "named", "--name", "noir-2"]);
    expect(styleEdit.code).toBe(0);
    expect((await sdk().styleGuides.list("named")).style_guides.map((s) => s.name)).toEqual(["noir-2"]);
    expect((await kroma(["styles", "rm", "noir-2", "-p", "named"])).code).toBe(0);
  });

  it("exits 2 on a usage error, 1 on a bad file or a refusal", async () => {
    const noName = await kroma(["templates", "create", "-p", "named", "--text", "x"]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("kroma templates create needs --name (or name in --file)");

    const nothing = await kroma(["characters", "edit", "Ada", "-p", "named"]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain("needs a field to change: --name, --description, --prompt-text or --file");

    const noProject = await kroma(["styles", "create", "--name", "x", "--instructions", "y"]);
    expect(noProject.code).toBe(2);

    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ name: "x", colour: "red" }));
    const unknownField = await kroma(["styles", "create", "-p", "named", "--file", bad]);
    expect(unknownField.code).toBe(1);
    expect(unknownField.stderr).toBe(
      `kroma: --file ${bad}: unknown field 'colour'; a style guide has name, instructions, notes\n`,
    );

    const missing = await kroma(["styles", "create", "-p", "named", "--file", join(dir, "none.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("ENOENT: give a readable JSON or YAML file");

    await kroma(["templates", "create", "-p", "named", "--name", "twin", "--text", "a"]);
    const duplicate = await kroma(["templates", "create", "-p", "named", "--name", "twin", "--text", "b"]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/^kroma: .+HTTP 409\)\n$/);
  });
});
