import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiClient, testClient } from "@kroma/testkit/api-client";
import type { Hono } from "hono";
import { afterEach } from "vitest";
import { createApp } from "../src/core/app.js";
import { type KromaDb, openDatabase } from "../src/core/db/database.js";

export interface TestApp {
  app: Hono;
  db: KromaDb;
  appRoot: string;
  /** Server faults the app logged. */
  logged: unknown[];
  /** The typed client (openapi-fetch over the spec's paths), talking to `app` in-process. */
  client: ApiClient;
  /** Sends a request (JSON-encoding `body` unless it is a string) and returns status and parsed JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON, which the app has validated against the spec
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Number of rows in a table, to prove a failed request changed nothing. */
  rows(table: "users" | "projects" | "project_storage"): Promise<number>;
  /** Every row of a table, for before/after comparisons. */
  dump(table: "users" | "projects" | "project_storage"): Promise<unknown[]>;
}

const open: TestApp[] = [];

afterEach(async () => {
  for (const testApp of open.splice(0)) {
    await testApp.db.destroy().catch(() => {});
    await rm(testApp.appRoot, { recursive: true, force: true });
  }
});

/**
 * A fresh app on a fresh SQLite file in its own temporary app root, migrated, with response
 * validation on: every JSON body a test receives has been checked against the spec.
 */
export async function createTestApp(): Promise<TestApp> {
  const appRoot = await mkdtemp(join(tmpdir(), "kroma-server-"));
  const db = await openDatabase(join(appRoot, "var/backend/app.db"));
  const logged: unknown[] = [];
  const app = createApp({ db, appRoot, validateResponses: true, logError: (error) => logged.push(error) });
  const testApp: TestApp = {
    app,
    db,
    appRoot,
    logged,
    client: testClient(app),
    async call(method, path, body) {
      const init: RequestInit = { method };
      if (body !== undefined) {
        init.body = typeof body === "string" ? body : JSON.stringify(body);
        init.headers = { "content-type": "application/json" };
      }
      const response = await app.request(path, init);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async rows(table) {
      const { n } = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    async dump(table) {
      return db.selectFrom(table).selectAll().execute();
    },
  };
  open.push(testApp);
  return testApp;
}
