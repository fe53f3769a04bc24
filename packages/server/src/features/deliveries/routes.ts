import { createHash } from "node:crypto";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { actorOf, recordAudit } from "../../core/audit.js";
import { ApiError } from "../../core/errors.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { nowIso } from "../../core/time.js";
import { openInsideRoot } from "../assets/asset-file.js";
import { approvedJobs, type DeliveredFile, deliveredFiles } from "./selection.js";

// `POST /deliveries`: the approved finals and their manifest, as a zip streamed to the client.
// Each file is proven to hash to its record before the first byte goes out, and hashed again as
// it is packed, so the zip never holds a file other than the one the manifest names.

export function deliveryRoutes(route: DefineRoute, deps: ContentDeps): void {
  route("post", "/api/projects/{slug}/deliveries", async ({ params, body, context }) => {
    const project = await requireProject(deps, params.slug);
    const root = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    const files = await deliveredFiles(deps.db, await approvedJobs(deps.db, project.id, body));
    // A changed or missing file refuses the delivery now, while the answer can still be an error.
    for (const file of files) await readVerified(root, file);
    const createdAt = nowIso();
    const manifest = {
      kind: "kroma.delivery",
      version: 1,
      project: project.slug,
      created_at: createdAt,
      selection: body.run_id ? { run_id: body.run_id } : { latest_approved: true },
      files,
    };
    await recordAudit(deps.db, actorOf(context), {
      action: "delivery.create",
      projectId: project.id,
      targetType: "project",
      targetId: project.id,
      detail: { selection: manifest.selection, files: files.map((file) => ({ file: file.file, sha256: file.sha256 })) },
    });
    const name = `${project.slug}_delivery_${createdAt.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.zip`;
    return new Response(zipStream(root, files, manifest), {
      status: 200,
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  });
}

/** A file's bytes, read inside the root, proven to be the ones its record names. */
async function readVerified(root: string, file: DeliveredFile): Promise<Uint8Array> {
  const opened = await openInsideRoot(root, file.rel_path);
  let bytes: Buffer;
  try {
    bytes = await opened.handle.readFile();
  } finally {
    await opened.handle.close();
  }
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== file.sha256) {
    throw new ApiError("validation", "asset_file_changed", `'${file.rel_path}' no longer holds the approved bytes`, {
      path: file.rel_path,
      expected_sha256: file.sha256,
      actual_sha256: actual,
    });
  }
  return bytes;
}

/**
 * The zip as a byte stream: the images stored as they are (PNG and WebP are compressed already),
 * then `manifest.json`, one file in memory at a time. A file that changed after the first check
 * ends the stream with an error, so the client gets a broken zip, never a wrong one.
 */
function zipStream(root: string, files: DeliveredFile[], manifest: object): ReadableStream<Uint8Array> {
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        for (const file of files) {
          const entry = new ZipPassThrough(file.file);
          zip.add(entry);
          entry.push(await readVerified(root, file), true);
        }
        const entry = new ZipDeflate("manifest.json", { level: 6 });
        zip.add(entry);
        entry.push(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
        zip.end();
      } catch (error) {
        zip.terminate();
        controller.error(error);
      }
    },
    cancel() {
      zip?.terminate();
    },
  });
}
