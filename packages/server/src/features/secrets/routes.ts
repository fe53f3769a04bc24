import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { ApiError, notFound, validationError } from "../../core/errors.js";
import { requireNotBlank } from "../../core/input.js";
import { auditEntry, type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { normalizeSlug } from "../../core/slug.js";
import { keyringFor, SecretDecryptionError } from "./crypto.js";
import { createSecretRepository, type SecretRecord, type SecretRotation } from "./repository.js";

/** A provider code or secret name in its stored form (normalised like a slug); blank is "required". */
function requireCode(field: "provider_code" | "secret_name", raw: string | undefined): string {
  const code = normalizeSlug(raw ?? "");
  if (code === undefined) throw validationError(`Field '${field}' is required`, { field });
  return code;
}

/** A rotation that cannot decrypt a value changes nothing; the client gets a 500 naming the record only. */
function rotationFailed(error: unknown): never {
  if (error instanceof SecretDecryptionError) {
    throw new ApiError("infra", "internal_error", `Secret rotation failed, nothing was changed: ${error.message}`);
  }
  throw error;
}

export function secretRoutes(route: DefineRoute, deps: ContentDeps): void {
  // The master key is loaded on the first request that needs it, not at server start.
  const keyring = keyringFor(deps);
  const secretsIn = (db: Kysely<Database>) => createSecretRepository(db, keyring);
  const secrets = secretsIn(deps.db);
  const missing = (provider: string, name: string) => notFound(`Secret '${provider}/${name}' not found`);
  // Names the record only: audit details never hold a value or its hint.
  const audit = (
    projectId: string,
    verb: string,
    provider: string,
    name: string,
    extra: Record<string, unknown> = {},
  ) =>
    auditEntry(projectId, "secret", verb, `${provider}/${name}`, {
      provider_code: provider,
      secret_name: name,
      ...extra,
    });

  route("get", "/api/projects/{slug}/secrets", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await secrets.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, secrets: list } };
  });

  route("post", "/api/projects/{slug}/secrets", async ({ params, body, context }) => {
    const providerCode = requireCode("provider_code", body.provider_code);
    const secretName = requireCode("secret_name", body.secret_name);
    // Stored exactly as given: whitespace may be part of a credential.
    const value = requireNotBlank("secret_value", body.secret_value);
    const project = await requireProject(deps, params.slug);
    const secret = await audited<SecretRecord>(
      deps.db,
      actorOf(context),
      (saved) => audit(project.id, "upsert", providerCode, secretName, { key_id: saved.key_id }),
      (trx) => secretsIn(trx).upsert(project.id, providerCode, secretName, value),
    );
    return { status: 200, body: { ok: true, secret } };
  });

  route("get", "/api/projects/{slug}/secrets/rotation-status", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    return { status: 200, body: { ok: true, rotation_status: await secrets.rotationStatus(project.id) } };
  });

  route("post", "/api/projects/{slug}/secrets/rotate", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    const rotation = await audited<SecretRotation>(
      deps.db,
      actorOf(context),
      (result) => ({
        action: "secret.rotate",
        projectId: project.id,
        targetType: "secret_key",
        targetId: result.key_id,
        detail: { key_id: result.key_id, rotated: result.rotated, previous_key_ids: result.previous_key_ids },
      }),
      (trx) => secretsIn(trx).rotate(project.id),
    ).catch(rotationFailed);
    return { status: 200, body: { ok: true, rotation } };
  });

  route("delete", "/api/projects/{slug}/secrets/{providerCode}/{secretName}", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    const providerCode = normalizeSlug(params.providerCode);
    const secretName = normalizeSlug(params.secretName);
    if (providerCode === undefined || secretName === undefined) throw missing(params.providerCode, params.secretName);
    await audited(deps.db, actorOf(context), audit(project.id, "delete", providerCode, secretName), async (trx) => {
      // Thrown inside the transaction, so an unknown secret leaves no audit event.
      if (!(await secretsIn(trx).remove(project.id, providerCode, secretName))) {
        throw missing(providerCode, secretName);
      }
    });
    return { status: 200, body: { ok: true, deleted: true, provider_code: providerCode, secret_name: secretName } };
  });
}
