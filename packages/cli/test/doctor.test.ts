// `kroma doctor --check-keys` as users run it: the BUILT binary (packages/cli/dist/bin.js) making
// each provider's free request against local stand-ins for OpenAI, PhotoRoom and remove.bg that
// answer and refuse as the services do. Nothing leaves the machine and nothing is spent.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CutoutServers,
  defaultCutoutAccounts,
  type ImagesServer,
  openAiListedModels,
  startCutoutServices,
  startImagesServer,
} from "@kroma/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accountUrl, providerMessage } from "../src/commands/doctor-keys.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

// Each key ends in characters found nowhere else, so a test can tell even its last four never show.
const openaiKey = "sk-proj-doctor-right-Qz7W";
const cutoutKey = "cutout-doctor-right-Jx4V";
const wrongKeys = {
  OPENAI_API_KEY: "sk-proj-doctor-wrong-Vb8K",
  PHOTOROOM_API_KEY: "photoroom-doctor-wrong-Yh2P",
  REMOVE_BG_API_KEY: "removebg-doctor-wrong-Tm6R",
};

let dir = "";
let config = "";
let images: ImagesServer;
let services: CutoutServers;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kroma-cli-doctor-"));
  images = await startImagesServer({ apiKey: openaiKey });
  services = await startCutoutServices(cutoutKey);
  config = join(dir, "postprocess.json");
  await writeFile(
    config,
    JSON.stringify({
      bg_remove: { photoroom: { api_url: services.photoroomUrl }, removebg: { api_url: services.removebgUrl } },
    }),
  );
});
afterAll(async () => {
  await images.close();
  await services.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  images.reset();
  services.requests.length = 0;
});

/** Runs `kroma doctor --check-keys` with only the given keys set, against the stand-ins. */
function doctor(keys: Record<string, string>, extra: string[] = [], env: Record<string, string> = {}) {
  const base = {
    ...process.env,
    PHOTOROOM_API_KEY: "",
    REMOVE_BG_API_KEY: "",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: `${images.url}/v1`,
    KROMA_APP_ROOT: dir,
  };
  const args = [bin, ...extra, "doctor", "--check-keys", "--postprocess-config", config];
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, args, { cwd: dir, env: { ...base, ...keys, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Neither the key nor any four characters at its end appear in the output. */
function expectNoKey(output: string, keys: readonly string[]): void {
  for (const key of keys) {
    expect(output).not.toContain(key);
    expect(output).not.toContain(key.slice(-4));
  }
}

interface KeyCheck {
  provider: string;
  status: string;
  http_status: number | null;
  detail: string;
  request: string | null;
  facts?: Record<string, unknown>;
}
const byProvider = (checks: KeyCheck[]) => Object.fromEntries(checks.map((check) => [check.provider, check]));

describe("kroma doctor --check-keys", () => {
  const rightKeys = { OPENAI_API_KEY: openaiKey, PHOTOROOM_API_KEY: cutoutKey, REMOVE_BG_API_KEY: cutoutKey };

  it("reports every valid key connected, with what each answer tells, and exits 0", async () => {
    const result = await doctor(rightKeys, ["--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; key_checks: KeyCheck[] };
    expect(report.ok).toBe(true);
    const checks = byProvider(report.key_checks);
    expect(checks.openai).toMatchObject({
      status: "connected",
      http_status: 200,
      request: `GET ${images.url}/v1/models`,
      facts: { models: openAiListedModels.length, image_model: "gpt-image-1", image_model_listed: true },
    });
    expect(checks.photoroom).toMatchObject({
      status: "connected",
      http_status: 200,
      request: `GET ${new URL("/v2/account", services.photoroomUrl).href}`,
      detail: "83 images left (of 100 this month, plan basic)",
      facts: { images_available: 83, images_subscription: 100, plan: "basic" },
    });
    const credits = defaultCutoutAccounts.removebg.data.attributes.credits;
    expect(checks.removebg).toMatchObject({
      status: "connected",
      http_status: 200,
      detail: "200 credits (subscription 150, pay-as-you-go 50); 50 free preview calls",
      facts: { credits_total: credits.total, credits_payg: credits.payg, free_calls: 50 },
    });
    expectNoKey(result.stdout, [openaiKey, cutoutKey]);

    // One free GET each, with the key where each service wants it; nothing that spends.
    expect(images.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /v1/models"]);
    expect(images.requests[0]?.headers.authorization).toBe(`Bearer ${openaiKey}`);
    expect(services.requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual([
      "GET /v1.0/account",
      "GET /v2/account",
    ]);
    for (const request of services.requests) expect(request.headers["x-api-key"]).toBe(cutoutKey);
  });

  it("shows the same as a table", async () => {
    const result = await doctor(rightKeys);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("API keys (one free request each, nothing spent):");
    expect(result.stdout).toMatch(
      /openai\s+OPENAI_API_KEY\s+connected\s+5 models listed; the image model gpt-image-1 is among them/,
    );
    expect(result.stdout).toMatch(/photoroom\s+PHOTOROOM_API_KEY\s+connected\s+83 images left/);
    expect(result.stdout).toMatch(/removebg\s+REMOVE_BG_API_KEY\s+connected\s+200 credits/);
    expect(result.stdout).toContain(`openai: GET ${images.url}/v1/models`);
    expectNoKey(result.stdout + result.stderr, [openaiKey, cutoutKey]);
  });

  it("gives each provider's own refusal of a wrong key and exits 1, never showing the key", async () => {
    const json = await doctor(wrongKeys, ["--json"]);
    expect(json.code).toBe(1);
    const checks = byProvider((JSON.parse(json.stdout) as { key_checks: KeyCheck[] }).key_checks);
    expect(checks.openai).toMatchObject({ status: "failed", http_status: 401 });
    expect(checks.openai?.detail).toMatch(
      /^HTTP 401: Incorrect API key provided: \[redacted\]\. You can find your API key at https:\/\/platform\.openai\.com/,
    );
    expect(checks.photoroom).toMatchObject({ status: "failed", http_status: 401, detail: "HTTP 401: Unauthorized" });
    expect(checks.removebg).toMatchObject({ status: "failed", http_status: 403, detail: "HTTP 403: API Key invalid" });
    // The stand-in echoes the OpenAI key masked, as OpenAI does; not even that reaches the output.
    expectNoKey(json.stdout + json.stderr, Object.values(wrongKeys));

    const human = await doctor(wrongKeys);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/openai\s+OPENAI_API_KEY\s+failed\s+HTTP 401: Incorrect API key provided/);
    expect(human.stdout).toMatch(/removebg\s+REMOVE_BG_API_KEY\s+failed\s+HTTP 403: API Key invalid/);
    expect(human.stdout).toContain("Not connected: OPENAI_API_KEY, PHOTOROOM_API_KEY, REMOVE_BG_API_KEY");
    expectNoKey(human.stdout + human.stderr, Object.values(wrongKeys));
  });

  it("says which keys are not configured, sends nothing and exits 0", async () => {
    const result = await doctor({}, ["--json"]);
    expect(result.code).toBe(0);
    const checks = byProvider((JSON.parse(result.stdout) as { key_checks: KeyCheck[] }).key_checks);
    expect(checks.openai).toMatchObject({ status: "not_configured", request: null, detail: "set OPENAI_API_KEY" });
    expect(checks.photoroom).toMatchObject({ status: "not_configured", detail: "set PHOTOROOM_API_KEY" });
    expect(checks.removebg).toMatchObject({ status: "not_configured", detail: "set REMOVE_BG_API_KEY" });
    const human = await doctor({});
    expect(human.stdout).toMatch(/openai\s+OPENAI_API_KEY\s+not configured\s+\(set OPENAI_API_KEY\)/);
    expect(images.requests).toEqual([]);
    expect(services.requests).toEqual([]);
  });

  it("says a host could not be reached and exits 1", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await doctor({ OPENAI_API_KEY: openaiKey }, ["--json"], {
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
    });
    expect(result.code).toBe(1);
    const checks = byProvider((JSON.parse(result.stdout) as { key_checks: KeyCheck[] }).key_checks);
    expect(checks.openai).toMatchObject({ status: "unreachable", http_status: null });
    expect(checks.openai?.detail).toMatch(new RegExp(`^could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expectNoKey(result.stdout + result.stderr, [openaiKey]);
  });

  it("makes no request without --check-keys", async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [bin, "--json", "doctor", "--postprocess-config", config],
        { cwd: dir, env: { ...process.env, ...rightKeys, OPENAI_BASE_URL: `${images.url}/v1`, KROMA_APP_ROOT: dir } },
        (error, stdout) => resolve({ code: error ? 1 : 0, stdout }),
      );
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).not.toHaveProperty("key_checks");
    expect(images.requests).toEqual([]);
    expect(services.requests).toEqual([]);
  });
});

describe("where the free requests go", () => {
  it("asks the real services' account endpoints beside the endpoints runs call", () => {
    expect(accountUrl("photoroom", "https://sdk.photoroom.com/v1/segment").href).toBe(
      "https://image-api.photoroom.com/v2/account",
    );
    expect(accountUrl("removebg", "https://api.remove.bg/v1.0/removebg").href).toBe(
      "https://api.remove.bg/v1.0/account",
    );
    // A proxy under a path prefix keeps it.
    expect(accountUrl("photoroom", "https://proxy.example/photoroom/v1/segment").href).toBe(
      "https://proxy.example/photoroom/v2/account",
    );
  });

  it("reads each service's own error message", () => {
    expect(providerMessage({ error: { message: "Unauthorized" } }, "")).toBe("Unauthorized");
    expect(
      providerMessage({ errors: [{ title: "Forbidden", code: "auth_failed", detail: "Invalid API key" }] }, ""),
    ).toBe("Forbidden: Invalid API key");
    expect(providerMessage({ detail: "Insufficient credits", status_code: 402 }, "")).toBe("Insufficient credits");
    expect(providerMessage(undefined, "<html>Bad gateway</html>")).toBe("<html>Bad gateway</html>");
  });
});
