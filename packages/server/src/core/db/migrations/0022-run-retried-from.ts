import type { Kysely } from "kysely";

/** The run a re-run repeats (`POST /runs/{runId}/rerun`): `runs.retried_from` names it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("runs").addColumn("retried_from", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("runs").dropColumn("retried_from").execute();
}
