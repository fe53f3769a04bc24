import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";

export function tokensCommand(program: Command, globals: () => GlobalOptions): void {
  const tokens = program.command("tokens").description("Create, list and revoke API tokens");
  const client = () => apiClient(globals());

  tokens
    .command("create")
    .description("Create a token and print its value (shown once)")
    .option("--label <text>", "what the token is for")
    .option("-p, --project <slug>", "scope the token to one project")
    .option("--expires-in-days <days>", "expiry", (value) => Number.parseInt(value, 10))
    .option(
      "--db <path>",
      "write the token straight into this database file instead of calling the API (the first token of a server bound to a non-loopback address)",
    )
    .action(async (flags: { label?: string; project?: string; expiresInDays?: number; db?: string }) => {
      const body = { label: flags.label, project_slug: flags.project, expires_in_days: flags.expiresInDays };
      const result = flags.db ? await createTokenInDatabase(flags.db, body) : await client().auth.createToken(body);
      emit(globals(), result, () =>
        [
          result.auth_token.token,
          "",
          "Store this token now; it is not shown again. Use it with --token or KROMA_API_TOKEN.",
        ].join("\n"),
      );
    });

  tokens
    .command("list")
    .description("List tokens (never their values)")
    .action(async () => {
      const result = await client().auth.listTokens();
      emit(globals(), result, () =>
        table(
          ["ID", "PREFIX", "LABEL", "ACTIVE", "EXPIRES", "LAST USED"],
          result.auth_tokens.map((t) => [
            t.id,
            t.token_prefix,
            t.label,
            String(t.active),
            t.expires_at ?? "",
            t.last_used_at ?? "",
          ]),
        ),
      );
    });

  tokens
    .command("revoke")
    .description("Revoke a token (takes effect on the next request)")
    .argument("<tokenId>", "token id (see `kroma tokens list`)")
    .action(async (tokenId: string) => {
      const result = await client().auth.revokeToken(tokenId);
      emit(globals(), result, () => `Token ${result.token_id} revoked`);
    });
}

/**
 * Creates a token directly in a database file (`--db`, relative to the working directory), with
 * the same checks and audit event as the API, and the same answer. A server bound to another
 * address than loopback requires a token from its first request, so its first token cannot come
 * over HTTP; whoever can write the database file may create one.
 */
async function createTokenInDatabase(
  path: string,
  body: { label?: string; project_slug?: string; expires_in_days?: number },
) {
  const { createLocalToken } = await import("@kroma/server/local");
  const dbPath = resolve(path);
  process.stderr.write(`Opening database ${dbPath}${existsSync(dbPath) ? "" : " (new)"}\n`);
  return createLocalToken(dbPath, body);
}
