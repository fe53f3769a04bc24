import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("agent_instructions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("instruction_text", "text", (col) => col.notNull())
    .addColumn("instruction_type", "text", (col) => col.notNull())
    .addColumn("payload_json", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("dispatch_to_agent", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (col) => col.notNull())
    .addColumn("next_attempt_at", "text")
    .addColumn("last_error", "text")
    .addColumn("agent_response_json", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("canceled_at", "text")
    .execute();
  await db.schema.createIndex("agent_instructions_project").on("agent_instructions").column("project_id").execute();
  await db.schema
    .createIndex("agent_instructions_dispatch")
    .on("agent_instructions")
    .columns(["status", "next_attempt_at"])
    .execute();

  // Append-only history; `seq` orders events per instruction.
  await db.schema
    .createTable("agent_instruction_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("instruction_id", "text", (col) => col.notNull().references("agent_instructions.id").onDelete("cascade"))
    .addColumn("seq", "integer", (col) => col.notNull())
    .addColumn("event_type", "text", (col) => col.notNull())
    .addColumn("message", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addUniqueConstraint("agent_instruction_events_seq", ["instruction_id", "seq"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("agent_instruction_events").execute();
  await db.schema.dropTable("agent_instructions").execute();
}
