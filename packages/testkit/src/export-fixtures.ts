// Shared by the export/import tests: a project with one record of every kind and a few files
// (including ones an export must leave out), and digests to compare two projects' files.
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { HttpCall } from "./http-client.js";
import { solidPng } from "./png-bytes.js";

/** A secret value that must never appear in a bundle. */
export const exportedSecretValue = "sk-export-never-in-bundle-4242";

async function put(root: string, path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

/**
 * Fills a project over the API with a record of every content kind (templates, style guide,
 * character, reference set with two items, provider account, a secret, chat, agent instruction)
 * and writes files under its root: scenes, notes, the pipeline settings file, plus what exports
 * leave out: `.kroma/in-progress`, `exports/`, and a symlink leading outside (`outside_target`).
 */
export async function fillProjectContent(
  call: HttpCall,
  slug: string,
  root: string,
  outsideTarget: string,
): Promise<void> {
  const at = `/api/projects/${slug}`;
  const ok = async (method: string, path: string, body?: unknown) => {
    const result = await call(method, path, body);
    if (result.status !== 200) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
  await ok("POST", `${at}/prompt-templates`, { name: "hero", template_text: "A {subject} at dusk" });
  await ok("POST", `${at}/style-guides`, { name: "ink", instructions: "Black ink only", notes: "no colour" });
  await ok("POST", `${at}/characters`, { name: "Mira", description: "courier", prompt_text: "a courier" });
  const { reference_set } = await ok("POST", `${at}/reference-sets`, { name: "streets", description: "old town" });
  await ok("POST", `${at}/reference-sets/${reference_set.id}/items`, { label: "map", content_uri: "refs/map.png" });
  await ok("POST", `${at}/reference-sets/${reference_set.id}/items`, {
    label: "note",
    content_text: "cobblestones",
    metadata_json: { weight: 2 },
  });
  await ok("POST", `${at}/provider-accounts`, {
    provider_code: "openai",
    display_name: "OpenAI",
    config_json: { tier: 2 },
  });
  await ok("POST", `${at}/secrets`, {
    provider_code: "openai",
    secret_name: "api_key",
    secret_value: exportedSecretValue,
  });
  const { session } = await ok("POST", `${at}/chat/sessions`, { title: "planning" });
  await ok("POST", `${at}/chat/sessions/${session.id}/messages`, { role: "user", content: "Make it rain" });
  await ok("POST", `${at}/agent/instructions`, { instruction_text: "Prepare the night stage" });

  await put(root, "scenes/alley.png", solidPng(8, 8, [90, 90, 90]));
  await put(root, "notes/readme.md", "# Notes\n");
  await put(root, ".kroma/pipeline.settings.json", '{"pipeline":{}}\n');
  await put(root, ".kroma/in-progress/scratch.bin", "scratch");
  await put(root, "exports/older.tar.gz", "not a bundle");
  await writeFile(outsideTarget, "outside the project");
  await symlink(outsideTarget, join(root, "outside-link"));
}

/**
 * sha256 of every regular file under `root` by relative path, leaving out what exports never
 * carry (`exports/`, `.kroma/in-progress/`) and symlinks.
 */
export async function fileHashes(root: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const name of (await readdir(join(root, dir))).sort()) {
      const rel = dir ? `${dir}/${name}` : name;
      if (rel === "exports" || rel === ".kroma/in-progress") continue;
      const stats = await lstat(join(root, rel));
      if (stats.isDirectory()) await walk(rel);
      else if (stats.isFile())
        hashes[rel] = createHash("sha256")
          .update(await readFile(join(root, rel)))
          .digest("hex");
    }
  };
  await walk("");
  return hashes;
}
