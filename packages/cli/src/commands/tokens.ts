import { createKromaClient } from "@kroma/sdk";
import type { Command } from "commander";
import { emit, type GlobalOptions, table } from "../output.js";

export function tokensCommand(program: Command, globals: () => GlobalOptions): void {
  const tokens = program.command("tokens").description("Create, list and revoke API tokens");
  const client = () => {
    const { apiUrl, token } = globals();
    return createKromaClient({ baseUrl: apiUrl, token });
  };

  tokens
    .command("create")
    .description("Create a token and print its value (shown once)")
    .option("--label <text>", "what the token is for")
    .option("--project <slug>", "scope the token to one project")
    .option("--expires-in-days <days>", "expiry", (value) => Number.parseInt(value, 10))
    .action(async (flags: { label?: string; project?: string; expiresInDays?: number }) => {
      const result = await client().auth.createToken({
        label: flags.label,
        project_slug: flags.project,
        expires_in_days: flags.expiresInDays,
      });
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
