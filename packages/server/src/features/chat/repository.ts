import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { inTransaction } from "../../core/audit.js";
import { hasProjectRow } from "../../core/db/project-rows.js";
import type { ChatMessagesTable, ChatSessionsTable, Database } from "../../core/db/schema.js";
import { fromJsonText, toJsonText } from "../../core/input.js";
import { nowIso } from "../../core/time.js";

export type ChatSessionRecord = ChatSessionsTable & { message_count: number };
export type ChatSessionFields = Pick<ChatSessionsTable, "title" | "status">;

/** `seq` only orders messages; the API never shows it. */
export type ChatMessageRecord = Omit<ChatMessagesTable, "seq" | "content_json"> & { content_json: unknown };
export type ChatMessageFields = Pick<ChatMessagesTable, "role" | "content"> & { content_json?: unknown };

export type ChatRepository = ReturnType<typeof createChatRepository>;

const messageColumns = ["id", "project_id", "session_id", "role", "content", "content_json", "created_at"] as const;

const toMessage = (row: Omit<ChatMessagesTable, "seq">): ChatMessageRecord => ({
  ...row,
  content_json: fromJsonText(row.content_json),
});

/** `db` may be a transaction, so a write can share it with its audit event. */
export function createChatRepository(db: Kysely<Database>) {
  const sessions = (projectId: string) =>
    db
      .selectFrom("chat_sessions as s")
      .selectAll("s")
      .select((eb) =>
        eb
          .selectFrom("chat_messages as m")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("m.session_id", "=", "s.id")
          .as("message_count"),
      )
      .where("s.project_id", "=", projectId);

  const withCount = (row: ChatSessionsTable & { message_count: number | null }): ChatSessionRecord => ({
    ...row,
    message_count: Number(row.message_count ?? 0),
  });

  return {
    async listSessions(projectId: string): Promise<ChatSessionRecord[]> {
      const rows = await sessions(projectId).orderBy("s.updated_at", "desc").orderBy("s.id").execute();
      return rows.map(withCount);
    },

    /** `undefined` for an unknown id and for another project's session alike. */
    async findSession(projectId: string, id: string): Promise<ChatSessionRecord | undefined> {
      const row = await sessions(projectId).where("s.id", "=", id).executeTakeFirst();
      return row && withCount(row);
    },

    async createSession(projectId: string, fields: ChatSessionFields): Promise<ChatSessionRecord> {
      const now = nowIso();
      const record = { id: randomUUID(), project_id: projectId, ...fields, created_at: now, updated_at: now };
      await db.insertInto("chat_sessions").values(record).execute();
      return { ...record, message_count: 0 };
    },

    /** The session's messages in the order they were added; `undefined` when the session is not this project's. */
    async listMessages(projectId: string, sessionId: string): Promise<ChatMessageRecord[] | undefined> {
      return inTransaction(db, async (trx) => {
        if (!(await hasProjectRow(trx, "chat_sessions", projectId, sessionId))) return undefined;
        const rows = await trx
          .selectFrom("chat_messages")
          .select(messageColumns)
          .where("session_id", "=", sessionId)
          .orderBy("seq")
          .execute();
        return rows.map(toMessage);
      });
    },

    /**
     * Appends a message and touches the session in one transaction, so `seq` (max + 1) never
     * repeats and the session's `updated_at` moves with its last message.
     * `undefined` when the session is not this project's.
     */
    async addMessage(
      projectId: string,
      sessionId: string,
      fields: ChatMessageFields,
    ): Promise<ChatMessageRecord | undefined> {
      const now = nowIso();
      return inTransaction(db, async (trx) => {
        const touched = await trx
          .updateTable("chat_sessions")
          .set({ updated_at: now })
          .where("project_id", "=", projectId)
          .where("id", "=", sessionId)
          .executeTakeFirst();
        if (touched.numUpdatedRows === 0n) return undefined;
        const record = {
          id: randomUUID(),
          project_id: projectId,
          session_id: sessionId,
          role: fields.role,
          content: fields.content,
          content_json: fields.content_json == null ? null : toJsonText(fields.content_json),
          created_at: now,
        };
        await trx
          .insertInto("chat_messages")
          .values({
            ...record,
            seq: trx
              .selectFrom("chat_messages")
              .select(sql<number>`coalesce(max(seq), 0) + 1`.as("next"))
              .where("session_id", "=", sessionId),
          })
          .execute();
        return toMessage(record);
      });
    },
  };
}
