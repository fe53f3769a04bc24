import type { Schema } from "@kroma/contract";
import { type Actor, actorOf, audited } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import { notFound, validationError } from "../../core/errors.js";
import type { ContentDeps } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { normalizeSlug } from "../../core/slug.js";
import { nowIso } from "../../core/time.js";
import type { ProjectRepository } from "../projects/repository.js";
import { type AuthTokenRepository, type AuthTokenRow, createAuthTokenRepository, isActive } from "./repository.js";

const dayMs = 24 * 60 * 60 * 1000;

export function authRoutes(
  route: DefineRoute,
  deps: ContentDeps & { tokens?: ReturnType<typeof createAuthTokenRepository> },
): void {
  const tokens = deps.tokens ?? createAuthTokenRepository(deps.db);

  route("post", "/auth/token", async ({ body, context }) => {
    const { row, token } = await issueAuthToken(deps, actorOf(context), body ?? {}, tokens);
    return {
      status: 200,
      body: {
        ok: true,
        auth_token: {
          id: row.id,
          token,
          token_prefix: row.token_prefix,
          label: row.label,
          project_id: row.project_id,
          created_at: row.created_at,
          expires_at: row.expires_at,
        },
      },
    };
  });

  route("get", "/auth/tokens", async () => {
    const list = await tokens.list();
    return { status: 200, body: { ok: true, count: list.length, auth_tokens: list } };
  });

  route("delete", "/auth/tokens/{tokenId}", async ({ params, context }) => {
    const row = await tokens.find(params.tokenId);
    if (!row) throw notFound(`API token '${params.tokenId}' not found`);
    if (row.revoked_at === null) {
      await audited(
        deps.db,
        actorOf(context),
        {
          action: "auth_token.revoke",
          projectId: row.project_id,
          targetType: "auth_token",
          targetId: row.id,
          detail: { token_prefix: row.token_prefix, was_active: isActive(row) },
        },
        (trx) => tokens.revoke(trx, row.id),
      );
    }
    return { status: 200, body: { ok: true, deleted: true, token_id: row.id } };
  });
}

/**
 * Creates a token from a `POST /auth/token` body — expiry and project scope checked, the write
 * audited — and returns its row and its value (the only time the value exists outside the caller).
 * Also used by `kroma tokens create --db` for a server that is not on loopback.
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
