import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { inTransaction, recordAudit } from "../../core/audit.js";
import { hasProjectRow } from "../../core/db/project-rows.js";
import type {
  AgentInstructionEventsTable,
  AgentInstructionStatus,
  AgentInstructionsTable,
  Database,
} from "../../core/db/schema.js";
import { fromJsonText, toJsonText } from "../../core/input.js";
import { nowIso } from "../../core/time.js";

type InstructionRow = AgentInstructionsTable;
type Db = Kysely<Database>;

/** An instruction as the API returns it: JSON columns parsed, the flag a boolean. */
export type AgentInstructionRecord = Omit<
  InstructionRow,
  "payload_json" | "agent_response_json" | "dispatch_to_agent"
> & {
  payload_json: Record<string, unknown>;
  agent_response_json: unknown;
  dispatch_to_agent: boolean;
};

/** `seq` only orders events; the API never shows it. */
export type AgentInstructionEventRecord = Omit<AgentInstructionEventsTable, "seq">;

export interface AgentInstructionFields {
  instruction_text: string;
  instruction_type: string;
  payload_json: Record<string, unknown>;
  dispatch_to_agent: boolean;
}

export interface InstructionEvent {
  type: string;
  message: string | null;
}

/** What a state change may set besides `status` (`updated_at` is always set). */
export type InstructionChanges = Partial<
  Pick<
    InstructionRow,
    "next_attempt_at" | "last_error" | "agent_response_json" | "confirmed_at" | "canceled_at" | "attempts"
  >
>;

/** A guarded status change: only from one of `from`. */
export interface StatusChange {
  from: readonly AgentInstructionStatus[];
  to: AgentInstructionStatus;
  changes: InstructionChanges;
  /** Set to the change's own time. */
  stamp?: "confirmed_at" | "canceled_at";
}

/** A claimed instruction, with what the dispatch request needs. */
export type DispatchJob = AgentInstructionRecord & { project_slug: string };

/** Every instruction is dispatched at most this many times. */
export const maxDispatchAttempts = 3;

const eventColumns = ["id", "project_id", "instruction_id", "event_type", "message", "created_at"] as const;

export type AgentInstructionRepository = ReturnType<typeof createAgentInstructionRepository>;

export function toInstructionRecord(row: InstructionRow): AgentInstructionRecord {
  return {
    ...row,
    payload_json: fromJsonText<Record<string, unknown>>(row.payload_json),
    agent_response_json: fromJsonText(row.agent_response_json),
    dispatch_to_agent: row.dispatch_to_agent !== 0,
  };
}

/** Appends to the instruction's history; `seq` is max + 1, so call it inside the state change's transaction. */
async function appendEvent(trx: Db, row: InstructionRow, event: InstructionEvent, at: string): Promise<void> {
  await trx
    .insertInto("agent_instruction_events")
    .values({
      id: randomUUID(),
      project_id: row.project_id,
      instruction_id: row.id,
      seq: trx
        .selectFrom("agent_instruction_events")
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as("next"))
        .where("instruction_id", "=", row.id),
      event_type: event.type,
      message: event.message,
      created_at: at,
    })
    .execute();
}

/** The dispatch worker's moves, audited with no actor and named after the status they lead to. */
const workerActions: Partial<Record<AgentInstructionStatus, string>> = {
  running: "agent_instruction.dispatch_start",
  done: "agent_instruction.dispatch_done",
  failed: "agent_instruction.dispatch_failed",
  queued: "agent_instruction.retry_scheduled",
};

/** Records a worker move; call it in the move's own transaction. */
async function auditWorkerMove(trx: Db, row: InstructionRow): Promise<void> {
  await recordAudit(trx, null, {
    action: workerActions[row.status] ?? `agent_instruction.${row.status}`,
    projectId: row.project_id,
    targetType: "agent_instruction",
    targetId: row.id,
    detail: { status: row.status, attempts: row.attempts, max_attempts: row.max_attempts },
  });
}

/**
 * `db` may be a transaction, so a client's write can share it with its audit event. The dispatch
 * worker's moves (`claimDue`, `failDue`, `settle`, `requeueInterrupted`) audit themselves.
 */
export function createAgentInstructionRepository(db: Db) {
  const scoped = (projectId: string) =>
    db.selectFrom("agent_instructions").selectAll().where("project_id", "=", projectId);

  /**
   * The status check and the change are one UPDATE (`WHERE status IN from`), with its event in the
   * same transaction, so two racing transitions cannot both win.
   */
  const moveIn = async (
    trx: Db,
    target: { id: string; projectId?: string },
    change: StatusChange,
    event: InstructionEvent,
    at: string,
  ): Promise<InstructionRow | undefined> => {
    let update = trx
      .updateTable("agent_instructions")
      .set({ ...change.changes, ...(change.stamp && { [change.stamp]: at }), status: change.to, updated_at: at })
      .where("id", "=", target.id)
      .where("status", "in", change.from);
    if (target.projectId !== undefined) update = update.where("project_id", "=", target.projectId);
    const row = await update.returningAll().executeTakeFirst();
    if (row) await appendEvent(trx, row, event, at);
    return row;
  };
  /** A worker move, with its audit event in the same transaction. */
  const move = (target: { id: string }, change: StatusChange, event: InstructionEvent, at: string) =>
    inTransaction(db, async (trx) => {
      const row = await moveIn(trx, target, change, event, at);
      if (row) await auditWorkerMove(trx, row);
      return row;
    });

  const oldestDue = (cutoff: string) =>
    db
      .selectFrom("agent_instructions")
      .select("id")
      .where("status", "=", "queued")
      .where("next_attempt_at", "<=", cutoff)
      .orderBy("created_at")
      .orderBy("id")
      .limit(1);

  return {
    /** Newest first, optionally only one status. */
    async list(projectId: string, status?: AgentInstructionStatus): Promise<AgentInstructionRecord[]> {
      let query = scoped(projectId);
      if (status !== undefined) query = query.where("status", "=", status);
      const rows = await query.orderBy("created_at", "desc").orderBy("id").execute();
      return rows.map(toInstructionRecord);
    },

    /** `undefined` for an unknown id and for another project's instruction alike. */
    async find(projectId: string, id: string): Promise<AgentInstructionRecord | undefined> {
      const row = await scoped(projectId).where("id", "=", id).executeTakeFirst();
      return row && toInstructionRecord(row);
    },

    /** Starts `pending` with a `created` event; one to dispatch is queued at once, in the same transaction. */
    create(projectId: string, fields: AgentInstructionFields): Promise<AgentInstructionRecord> {
      const now = nowIso();
      const row: InstructionRow = {
        id: randomUUID(),
        project_id: projectId,
        ...fields,
        payload_json: toJsonText(fields.payload_json),
        dispatch_to_agent: fields.dispatch_to_agent ? 1 : 0,
        status: fields.dispatch_to_agent ? "queued" : "pending",
        attempts: 0,
        max_attempts: maxDispatchAttempts,
        next_attempt_at: fields.dispatch_to_agent ? now : null,
        last_error: null,
        agent_response_json: null,
        created_at: now,
        updated_at: now,
        confirmed_at: null,
        canceled_at: null,
      };
      return inTransaction(db, async (trx) => {
        await trx.insertInto("agent_instructions").values(row).execute();
        await appendEvent(trx, row, { type: "created", message: "Instruction created" }, now);
        if (fields.dispatch_to_agent) {
          await appendEvent(trx, row, { type: "queued", message: "Queued for dispatch to the agent" }, now);
        }
        return toInstructionRecord(row);
      });
    },

    /** Oldest first; `undefined` when the instruction is not this project's. */
    async events(projectId: string, id: string): Promise<AgentInstructionEventRecord[] | undefined> {
      return inTransaction(db, async (trx) => {
        if (!(await hasProjectRow(trx, "agent_instructions", projectId, id))) return undefined;
        return trx
          .selectFrom("agent_instruction_events")
          .select(eventColumns)
          .where("instruction_id", "=", id)
          .orderBy("seq")
          .execute();
      });
    },

    /**
     * Moves one of the project's instructions from one of `from` to `to`, with its event.
     * Says which status blocked the move, or `undefined` for an unknown instruction.
     */
    async transition(
      projectId: string,
      id: string,
      change: StatusChange,
      event: InstructionEvent,
    ): Promise<{ moved: AgentInstructionRecord } | { blockedBy: AgentInstructionStatus } | undefined> {
      return inTransaction(db, async (trx) => {
        const row = await moveIn(trx, { id, projectId }, change, event, nowIso());
        if (row) return { moved: toInstructionRecord(row) };
        const current = await trx
          .selectFrom("agent_instructions")
          .select("status")
          .where("project_id", "=", projectId)
          .where("id", "=", id)
          .executeTakeFirst();
        return current && { blockedBy: current.status };
      });
    },

    /**
     * Takes the oldest queued instruction due by `cutoff` and marks it `running` (one more attempt,
     * a `dispatch_started` event). The claim only takes `queued` rows, so a canceled instruction is never sent.
     */
    claimDue(cutoff: string, at: string): Promise<DispatchJob | undefined> {
      return inTransaction(db, async (trx) => {
        const row = await trx
          .updateTable("agent_instructions")
          .set((eb) => ({ status: "running", attempts: eb("attempts", "+", 1), next_attempt_at: null, updated_at: at }))
          .where("id", "=", oldestDue(cutoff))
          .where("status", "=", "queued")
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        await appendEvent(
          trx,
          row,
          { type: "dispatch_started", message: `Dispatch attempt ${row.attempts} of ${row.max_attempts}` },
          at,
        );
        await auditWorkerMove(trx, row);
        const project = await trx
          .selectFrom("projects")
          .select("slug")
          .where("id", "=", row.project_id)
          .executeTakeFirstOrThrow();
        return { ...toInstructionRecord(row), project_slug: project.slug };
      });
    },

    /** Fails the oldest queued instruction due by `cutoff` without sending it (nowhere to send it to). */
    async failDue(cutoff: string, at: string, error: string): Promise<AgentInstructionRecord | undefined> {
      const change: StatusChange = {
        from: ["queued"],
        to: "failed",
        changes: { next_attempt_at: null, last_error: error },
      };
      const event = { type: "dispatch_failed", message: error };
      for (;;) {
        const due = await oldestDue(cutoff).executeTakeFirst();
        if (!due) return undefined;
        const row = await move({ id: due.id }, change, event, at);
        // Otherwise it was canceled between the two statements: look for the next one.
        if (row) return toInstructionRecord(row);
      }
    },

    /** Records how a dispatch attempt ended; `undefined` if the instruction was no longer `running`. */
    async settle(
      id: string,
      to: AgentInstructionStatus,
      changes: InstructionChanges,
      event: InstructionEvent,
      at: string,
    ): Promise<AgentInstructionRecord | undefined> {
      const row = await move({ id }, { from: ["running"], to, changes }, event, at);
      return row && toInstructionRecord(row);
    },

    /**
     * Instructions left `running` by a process that stopped mid-dispatch go back to `queued`
     * (or `failed` when out of attempts), so they are not stuck forever. Only at worker start.
     */
    async requeueInterrupted(at: string): Promise<number> {
      const stuck = await db
        .selectFrom("agent_instructions")
        .select(["id", "attempts", "max_attempts"])
        .where("status", "=", "running")
        .execute();
      let moved = 0;
      for (const { id, attempts, max_attempts } of stuck) {
        const message = "Dispatch interrupted by a server stop";
        const retry = attempts < max_attempts;
        const row = await move(
          { id },
          retry
            ? { from: ["running"], to: "queued", changes: { next_attempt_at: at, last_error: "interrupted" } }
            : { from: ["running"], to: "failed", changes: { last_error: "interrupted" } },
          { type: retry ? "retry_scheduled" : "dispatch_failed", message },
          at,
        );
        if (row) moved += 1;
      }
      return moved;
    },
  };
}
