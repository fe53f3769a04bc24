import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { actorOf } from "../../core/audit.js";
import { ApiError, validationError } from "../../core/errors.js";
import type { ContentDeps } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { normalizeSlug } from "../../core/slug.js";
import { writeHashed } from "../assets/upload-body.js";
import { defaultBaseDir } from "../projects/repository.js";
import { invalidBundle } from "./bundle-format.js";
import { type ImportLeaseDetail, importProjectBundle, importStagingPrefix, slugTaken } from "./project-import.js";

/** The name of the received bundle inside its staging directory. */
const receivedBundleName = "bundle.tar.gz";

const emptyBundle = () => invalidBundle("the request has no body: send the .tar.gz bundle as the body");

/**
 * `POST /api/imports`: a bundle streamed as the request body, restored into a new project by the
 * same `importProjectBundle` that `kroma import --db` runs (same checks, same refusals, same audit
 * event `project.import` with the request's actor).
 *
 * The body goes to `<app root>/var/projects/.kroma-import-<id>/bundle.tar.gz`: a directory named
 * and leased like an import's staging directory, so if this process dies mid-upload the next sweep
 * of abandoned work removes it. It is removed, and its lease released, whatever the outcome.
 * Importing creates a project, so a project-scoped token is refused before any byte is read.
 */
export function importRoutes(route: DefineRoute, deps: ContentDeps): void {
  route("post", "/api/imports", async ({ query, context }) => {
    const actor = actorOf(context);
    if (actor?.projectSlug) {
      throw new ApiError(
        "policy",
        "forbidden",
        "A project-scoped token cannot import a project (an import creates a new one); use an unscoped token",
      );
    }
    // Before the upload: a slug already taken would only be refused after every byte arrived.
    const wanted = query.slug === undefined ? undefined : normalizeSlug(query.slug);
    if (query.slug !== undefined && wanted === undefined) {
      throw validationError(`'${query.slug}' is not a valid project slug`, { field: "slug" });
    }
    if (wanted !== undefined && (await deps.projects.findBySlug(wanted))) throw slugTaken(wanted);
    const imported = await withReceivedBundle(deps, context.req.raw, (bundlePath) =>
      importProjectBundle(deps.db, {
        bundlePath,
        slug: wanted,
        appRoot: deps.appRoot,
        masterKeyFile: deps.masterKeyFile,
        actor,
        leases: deps.leases,
      }),
    );
    return { status: 201, body: { ok: true, import: imported } };
  });
}

/**
 * Streams the request body to a leased staging directory, runs `work` on the file, then removes
 * the directory and releases the lease, whether `work` (or the upload) succeeded or not.
 */
async function withReceivedBundle<T>(
  deps: Pick<ContentDeps, "appRoot" | "leases">,
  request: Request,
  work: (bundlePath: string) => Promise<T>,
): Promise<T> {
  if (!request.body) throw emptyBundle();
  const parent = resolve(deps.appRoot, defaultBaseDir);
  await mkdir(parent, { recursive: true });
  const id = randomBytes(12).toString("hex");
  const staging = join(parent, `${importStagingPrefix}${id}`);
  // The lease before the directory: a staging directory without a live lease is swept.
  await deps.leases.acquire("import", id, { staging_dir: staging } satisfies ImportLeaseDetail);
  try {
    await mkdir(staging, { mode: 0o700 });
    const bundlePath = join(staging, receivedBundleName);
    const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
    await writeHashed(source, bundlePath, emptyBundle);
    return await work(bundlePath);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await deps.leases.release("import", id);
  }
}
