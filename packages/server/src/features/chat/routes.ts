import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { notFound } from "../../core/errors.js";
import { requireNotBlank } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { createChatRepository } from "./repository.js";

const defaultSessionTitle = "New session";

export function chatRoutes(route: DefineRoute, deps: ContentDeps): void {
  const chat = createChatRepository(deps.db);
  const missing = (id: string) => () => notFound(`Chat session '${id}' not found`);

  route("get", "/api/projects/{slug}/chat/sessions", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const sessions = await chat.listSessions(project.id);
    return { status: 200, body: { ok: true, count: sessions.length, sessions } };
  });

  route("post", "/api/projects/{slug}/chat/sessions", async ({ params, body, context }) => {
    const fields = { title: body?.title?.trim() || defaultSessionTitle, status: body?.status ?? "active" };
    const project = await requireProject(deps, params.slug);
    const session = await audited(
      deps.db,
      actorOf(context),
      (created) => auditEntry(project.id, "chat_session", "create", created.id, { status: created.status }),
      (trx: Kysely<Database>) => createChatRepository(trx).createSession(project.id, fields),
    );
    return { status: 200, body: { ok: true, session } };
  });

  route("get", "/api/projects/{slug}/chat/sessions/{sessionId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const session = foundOr(await chat.findSession(project.id, params.sessionId), missing(params.sessionId));
    return { status: 200, body: { ok: true, session } };
  });

  route("get", "/api/projects/{slug}/chat/sessions/{sessionId}/messages", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const messages = foundOr(await chat.listMessages(project.id, params.sessionId), missing(params.sessionId));
    return { status: 200, body: { ok: true, session_id: params.sessionId, count: messages.length, messages } };
  });

  route("post", "/api/projects/{slug}/chat/sessions/{sessionId}/messages", async ({ params, body, context }) => {
    // `content_text` is the seed clients' name for it; `content` wins when both are sent.
    const fields = {
      role: body.role,
      // Checked for blankness but stored as written: leading spaces matter in code and quotes.
      content: requireNotBlank("content", body.content ?? body.content_text),
      content_json: body.content_json,
    };
    const project = await requireProject(deps, params.slug);
    // Only the role is logged: message content never goes into the audit log.
    const message = await audited(
      deps.db,
      actorOf(context),
      (added) => auditEntry(project.id, "chat_message", "create", added.id, { role: added.role }),
      async (trx: Kysely<Database>) =>
        foundOr(
          await createChatRepository(trx).addMessage(project.id, params.sessionId, fields),
          missing(params.sessionId),
        ),
    );
    return { status: 200, body: { ok: true, message } };
  });
}
