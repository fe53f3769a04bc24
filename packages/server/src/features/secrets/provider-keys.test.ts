import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KromaDb, openDatabase } from "../../core/db/database.js";
import { createProjectRepository } from "../projects/repository.js";
import { keyringFor } from "./crypto.js";
import { providerKeysFromEnv, resolveProviderKeys } from "./provider-keys.js";
import { createSecretRepository } from "./repository.js";

const masterKeys = { masterKey: randomBytes(32).toString("hex"), masterKeyFile: "/nonexistent/master.key" };
let db: KromaDb;
let projectId = "";
beforeAll(async () => {
  db = await openDatabase(":memory:");
  ({ id: projectId } = (
    await createProjectRepository(db).upsert({ slug: "keys", name: "Keys", username: "local" })
  ).project);
  await createSecretRepository(db, keyringFor(masterKeys)).upsert(projectId, "photoroom", "api_key", "pr-secret");
});
afterAll(() => db.destroy());

describe("provider keys", () => {
  it("come from the environment, trimmed, leaving out blank and unset variables", () => {
    const env = { OPENAI_API_KEY: "  sk-env \n", PHOTOROOM_API_KEY: "   ", OTHER: "x" };
    expect(providerKeysFromEnv(env)).toEqual({ openai: "sk-env" });
    expect(providerKeysFromEnv({ ...env, REMOVE_BG_API_KEY: "rb" }, ["removebg"])).toEqual({ removebg: "rb" });
  });

  it("prefer the project's <provider>/api_key secret, else the environment's key, else none", async () => {
    const fromEnv = { openai: "sk-env", photoroom: "pr-env" };
    const keys = await resolveProviderKeys(db, masterKeys, projectId, ["photoroom", "removebg", "openai"], fromEnv);
    expect(keys).toEqual({ photoroom: "pr-secret", openai: "sk-env" });
    expect("removebg" in keys).toBe(false);
  });
});
