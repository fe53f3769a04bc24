import { actorOf, audited } from "../../core/audit.js";
import { notFound, validationError } from "../../core/errors.js";
import { isHttpUrl, requireSomeField } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { normalizeSlug } from "../../core/slug.js";
import { createProviderAccountRepository, type ProviderAccountFields } from "./repository.js";

const updatable = ["display_name", "account_ref", "base_url", "enabled", "config_json"] as const;

/** The stored form of a provider code (normalised like a slug), or `undefined` when nothing usable is left. */
const toProviderCode = (raw: string | undefined): string | undefined => normalizeSlug(raw ?? "");

function requireProviderCode(raw: string | undefined): string {
  const code = toProviderCode(raw);
  if (code === undefined) throw validationError("Field 'provider_code' is required", { field: "provider_code" });
  return code;
}

function checkedBaseUrl(value: string): string {
  const url = value.trim();
  if (url !== "" && !isHttpUrl(url)) {
    throw validationError("Field 'base_url' must be an http(s) URL", { field: "base_url" });
  }
  return url;
}

type FieldsBody = { [K in keyof ProviderAccountFields]?: ProviderAccountFields[K] | undefined };

/** The given fields, trimmed and checked; a blank display name falls back to the code, as on creation. */
function givenFields(body: FieldsBody, providerCode: string): Partial<ProviderAccountFields> {
  const displayName = body.display_name?.trim();
  return {
    ...(displayName === undefined ? {} : { display_name: displayName || providerCode }),
    ...(body.account_ref === undefined ? {} : { account_ref: body.account_ref.trim() }),
    ...(body.base_url === undefined ? {} : { base_url: checkedBaseUrl(body.base_url) }),
    ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
    ...(body.config_json === undefined ? {} : { config_json: body.config_json }),
  };
}

export function providerAccountRoutes(route: DefineRoute, deps: ContentDeps): void {
  const accounts = createProviderAccountRepository(deps.db);
  const missing = (code: string) => () => notFound(`Provider account '${code}' not found`);
  // The account's key is its code; `config_json` values stay out of the log, only field names go in.
  const audit = (projectId: string, verb: string, code: string, fields?: object) =>
    auditEntry(projectId, "provider_account", verb, code, {
      provider_code: code,
      ...(fields && { changed: Object.keys(fields) }),
    });

  route("get", "/api/projects/{slug}/provider-accounts", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await accounts.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, provider_accounts: list } };
  });

  route("post", "/api/projects/{slug}/provider-accounts", async ({ params, body, context }) => {
    const providerCode = requireProviderCode(body.provider_code);
    const fields = givenFields(body, providerCode);
    const project = await requireProject(deps, params.slug);
    const account = await audited(deps.db, actorOf(context), audit(project.id, "upsert", providerCode, fields), (trx) =>
      createProviderAccountRepository(trx).upsert(project.id, providerCode, fields),
    );
    return { status: 200, body: { ok: true, provider_account: account } };
  });

  route("get", "/api/projects/{slug}/provider-accounts/{providerCode}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const code = toProviderCode(params.providerCode);
    const account = code === undefined ? undefined : await accounts.find(project.id, code);
    return { status: 200, body: { ok: true, provider_account: foundOr(account, missing(params.providerCode)) } };
  });

  route("put", "/api/projects/{slug}/provider-accounts/{providerCode}", async ({ params, body, context }) => {
    requireSomeField(body, updatable);
    const code = toProviderCode(params.providerCode);
    const fields = givenFields(body, code ?? "");
    const project = await requireProject(deps, params.slug);
    if (code === undefined) throw missing(params.providerCode)();
    const account = await audited(deps.db, actorOf(context), audit(project.id, "update", code, fields), async (trx) =>
      foundOr(
        await createProviderAccountRepository(trx).update(project.id, code, fields),
        missing(params.providerCode),
      ),
    );
    return { status: 200, body: { ok: true, provider_account: account } };
  });

  route("delete", "/api/projects/{slug}/provider-accounts/{providerCode}", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    const code = toProviderCode(params.providerCode);
    if (code === undefined) throw missing(params.providerCode)();
    await audited(deps.db, actorOf(context), audit(project.id, "delete", code), async (trx) => {
      if (!(await createProviderAccountRepository(trx).remove(project.id, code))) throw missing(params.providerCode)();
    });
    return { status: 200, body: { ok: true, deleted: true, provider_code: code } };
  });
}
