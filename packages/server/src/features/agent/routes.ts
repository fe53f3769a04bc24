import type { components } from "@kroma/contract";
import type { Kysely } from "kysely";
import { type Actor, actorOf, audited } from "../../core/audit.js";
import type { AgentInstructionStatus, Database } from "../../core/db/schema.js";
import { conflict, notFound } from "../../core/errors.js";
import { requiredText, requireSomeField } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { type AgentInstructionFields, createAgentInstructionRepository, type StatusChange } from "./repository.js";

type CreateBody = components["schemas"]["CreateAgentInstructionRequest"];

/** Turns a create request (either form) into the stored fields, or throws the 400. */
function instructionFields(body: CreateBody): AgentInstructionFields {
  requireSomeField(body, ["instruction_text", "payload_json"]);
  const payload = body.payload_json;
  return {
    instruction_text:
      payload === undefined ? requiredText("instruction_text", body.instruction_text) : textOf(body, payload),
    instruction_type: body.instruction_type?.trim() || "instruction",
    payload_json: payload ?? {},
    dispatch_to_agent: body.dispatch_to_agent ?? false,
  };
}

/** The older form carries its text in the payload, as `instruction_text` or `objective`. */
function textOf(body: CreateBody, payload: Record<string, unknown>): string {
  for (const candidate of [body.instruction_text, payload.instruction_text, payload.objective]) {
    if (typeof candidate === "string" && candidate.trim() !== "") return candidate.trim();
  }
  return "";
}

/** The only moves a client makes (the dispatch worker makes the rest), with their audit verbs. */
const moves = {
  confirmed: { from: ["pending"], to: "confirmed", changes: {}, stamp: "confirmed_at", verb: "confirm" },
  // A queued instruction is not sent once canceled: the worker claims only `queued` rows.
  canceled: {
    from: ["pending", "confirmed", "queued"],
    to: "canceled",
    changes: { next_attempt_at: null },
    stamp: "canceled_at",
    verb: "cancel",
  },
} as const satisfies Record<string, StatusChange & { verb: string }>;

/** Why `status` blocks a move to `to`: `Instruction is already canceled`, `... cannot be confirmed while running`. */
function refusal(to: keyof typeof moves, status: AgentInstructionStatus): string {
  return status === to || status === "canceled"
    ? `Instruction is already ${status}`
    : `Instruction cannot be ${to} while ${status}`;
}

export function agentInstructionRoutes(route: DefineRoute, deps: ContentDeps): void {
  const instructions = createAgentInstructionRepository(deps.db);
  const missing = (id: string) => () => notFound(`Agent instruction '${id}' not found`);

  /** A client's move with its audit event; the event's message is the client's text, so it stays out of the log. */
  const transition = async (
    actor: Actor | null,
    slug: string,
    id: string,
    to: keyof typeof moves,
    message: string | undefined,
  ) => {
    const project = await requireProject(deps, slug);
    const move = moves[to];
    const moved = await audited(
      deps.db,
      actor,
      auditEntry(project.id, "agent_instruction", move.verb, id, { status: move.to }),
      async (trx) => {
        const result = foundOr(
          await createAgentInstructionRepository(trx).transition(project.id, id, move, {
            type: to,
            message: message?.trim() || null,
          }),
          missing(id),
        );
        if ("blockedBy" in result) throw conflict(refusal(to, result.blockedBy), { status: result.blockedBy });
        return result.moved;
      },
    );
    return { status: 200 as const, body: { ok: true as const, instruction: moved } };
  };

  route("get", "/api/projects/{slug}/agent/instructions", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const list = await instructions.list(project.id, query.status);
    return { status: 200, body: { ok: true, count: list.length, instructions: list } };
  });

  route("post", "/api/projects/{slug}/agent/instructions", async ({ params, body, context }) => {
    const fields = instructionFields(body);
    const project = await requireProject(deps, params.slug);
    // The text and payload are the client's content: only their kind and the resulting state are logged.
    const instruction = await audited(
      deps.db,
      actorOf(context),
      (created) =>
        auditEntry(project.id, "agent_instruction", "create", created.id, {
          instruction_type: created.instruction_type,
          status: created.status,
          dispatch_to_agent: created.dispatch_to_agent,
        }),
      (trx: Kysely<Database>) => createAgentInstructionRepository(trx).create(project.id, fields),
    );
    return { status: 200, body: { ok: true, instruction } };
  });

  route("get", "/api/projects/{slug}/agent/instructions/{instructionId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const instruction = foundOr(
      await instructions.find(project.id, params.instructionId),
      missing(params.instructionId),
    );
    return { status: 200, body: { ok: true, instruction } };
  });

  route("get", "/api/projects/{slug}/agent/instructions/{instructionId}/events", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const events = foundOr(await instructions.events(project.id, params.instructionId), missing(params.instructionId));
    return { status: 200, body: { ok: true, instruction_id: params.instructionId, count: events.length, events } };
  });

  route("post", "/api/projects/{slug}/agent/instructions/{instructionId}/confirm", ({ params, body, context }) =>
    transition(actorOf(context), params.slug, params.instructionId, "confirmed", body?.message),
  );

  route("post", "/api/projects/{slug}/agent/instructions/{instructionId}/cancel", ({ params, body, context }) =>
    transition(actorOf(context), params.slug, params.instructionId, "canceled", body?.message),
  );
}
