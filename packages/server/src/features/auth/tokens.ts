import type { Schema } from "@kroma/contract";
import { type Actor, audited } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import { notFound, validationError } from "../../core/errors.js";
import { normalizeSlug } from "../../core/slug.js";
import { nowIso } from "../../core/time.js";
import type { ProjectRepository } from "../projects/repository.js";
import { type AuthTokenRepository, type AuthTokenRow, createAuthTokenRepository } from "./repository.js";

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Creates a token from a `POST /auth/token` body — expiry and project scope checked, the write
 * audited — and returns its row and its value (the only time the value exists outside the caller).
 * Also used by `kroma tokens create --db` (see `createLocalToken`) for a server that is not on loopback.
 *
 * @example
 * const { token } = await issueAuthToken({ db, projects: createProjectRepository(db) }, null, { label: "ci" });
 */
export async function issueAuthToken(
  deps: { db: KromaDb; projects: Pick<ProjectRepository, "findBySlug"> },
  actor: Actor | null,
  input: Schema<"CreateAuthTokenRequest">,
  tokens: AuthTokenRepository = createAuthTokenRepository(deps.db),
): Promise<{ row: AuthTokenRow; token: string }> {
  if (input.expires_at !== undefined && input.expires_in_days !== undefined) {
    throw validationError("Provide only one of: expires_at, expires_in_days", { field: "expires_at" });
  }
  const expiresAt =
    input.expires_in_days !== undefined
      ? new Date(Date.now() + input.expires_in_days * dayMs).toISOString()
      : input.expires_at !== undefined
        ? new Date(input.expires_at).toISOString()
        : null;
  if (expiresAt !== null && expiresAt <= nowIso()) {
    throw validationError("Field 'expires_at' must be in the future", { field: "expires_at" });
  }
  let projectId: string | null = null;
  if (input.project_slug !== undefined) {
    const slug = normalizeSlug(input.project_slug);
    const project = slug === undefined ? undefined : await deps.projects.findBySlug(slug);
    if (!project) throw notFound(`Project '${input.project_slug}' not found`);
    projectId = project.id;
  }
  const label = input.label?.trim() ?? "";
  return audited<{ row: AuthTokenRow; token: string }>(
    deps.db,
    actor,
    (created) => ({
      action: "auth_token.create",
      projectId,
      targetType: "auth_token",
      targetId: created.row.id,
      detail: { label, token_prefix: created.row.token_prefix, expires_at: expiresAt },
    }),
    (trx) => tokens.create(trx, { label, projectId, expiresAt }),
  );
}

/**
 * A new token as `POST /auth/token` answers with it (and `kroma tokens create --db` prints it):
 * its public fields and, this once, its value.
 */
export function createdTokenBody({ row, token }: { row: AuthTokenRow; token: string }) {
  const { id, token_prefix, label, project_id, created_at, expires_at } = row;
  return { ok: true as const, auth_token: { id, token, token_prefix, label, project_id, created_at, expires_at } };
}
