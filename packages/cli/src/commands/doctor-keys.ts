import {
  bgRemoveServiceUrls,
  classifyError,
  createImageClient,
  imageSettingsFromEnv,
  type PostprocessConfig,
  redact,
} from "@kroma/pipeline";
import { type KeyProvider, localProviderKeys, providerKeyEnv } from "./provider-keys.js";

/** The providers `kroma doctor --check-keys` asks: those a command executed here has a key for. */
type CheckedProvider = KeyProvider;
const checkedProviders = providerKeyEnv;

/**
 * One provider's key as a live request found it. `connected`: the provider took the key;
 * `failed`: it refused it (or answered with something else than its account), with its own status
 * and message; `unreachable`: no answer (no route, DNS, refused connection, timeout);
 * `not_configured`: no key, nothing sent. Never carries the key or any part of it.
 */
export interface KeyCheck {
  provider: CheckedProvider;
  /** The environment variable the key is read from. */
  env: string;
  status: "connected" | "failed" | "unreachable" | "not_configured";
  /** The request made, as `GET <origin><path>`; null when none was. */
  request: string | null;
  /** The provider's HTTP status, when it answered. */
  http_status: number | null;
  /** What the answer tells (models, credits), the provider's message, or what to set. */
  detail: string;
  /** The answer's facts as data: OpenAI's model count, PhotoRoom's images left, remove.bg's credits. */
  facts?: Record<string, string | number | boolean>;
  /** How long the request took. */
  ms: number | null;
}

/** Options of {@link checkProviderKeys}. */
export interface KeyCheckOptions {
  /** `postprocess.json` in effect: its `bg_remove.<service>.api_url` names where PhotoRoom and remove.bg are. */
  config: PostprocessConfig;
  env?: NodeJS.ProcessEnv;
  /** Per request (default 15 s). */
  timeoutMs?: number;
}

/**
 * Makes each configured provider's cheapest request that spends nothing, all at once: OpenAI
 * `GET /v1/models` through the SDK (at `OPENAI_BASE_URL` when set, as runs use it), PhotoRoom
 * `GET /v2/account` and remove.bg `GET /v1.0/account` (beside the endpoint postprocess.json's
 * `api_url` names, else the real services). Keys come from the environment only, as a locally
 * executed run reads them; project secrets stay in the server's database.
 *
 * @example
 * const checks = await checkProviderKeys({ config: defaultPostprocessConfig });
 * checks.filter((check) => check.status === "failed"); // the keys a provider refused
 */
export async function checkProviderKeys(options: KeyCheckOptions): Promise<KeyCheck[]> {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const keys = localProviderKeys(["openai", "photoroom", "removebg"], env);
  const keyOf = (provider: CheckedProvider) => keys[provider];
  const run = (provider: CheckedProvider, check: (key: string) => Promise<KeyCheck>): Promise<KeyCheck> => {
    const key = keyOf(provider);
    if (!key) return Promise.resolve(notConfigured(provider));
    return check(key).then(
      (result) => ({ ...result, detail: scrub(result.detail, key) }),
      (error: unknown) => ({
        ...base(provider, null),
        status: "failed" as const,
        detail: scrub(error instanceof Error ? error.message : String(error), key),
      }),
    );
  };
  return Promise.all([
    run("openai", (key) => checkOpenAi(key, env, timeoutMs)),
    run("photoroom", (key) => checkPhotoroom(key, serviceUrl(options.config, "photoroom"), timeoutMs)),
    run("removebg", (key) => checkRemovebg(key, serviceUrl(options.config, "removebg"), timeoutMs)),
  ]);
}

function base(provider: CheckedProvider, request: string | null): Omit<KeyCheck, "status" | "detail"> {
  return { provider, env: checkedProviders[provider], request, http_status: null, ms: null };
}

function notConfigured(provider: CheckedProvider): KeyCheck {
  return { ...base(provider, null), status: "not_configured", detail: `set ${checkedProviders[provider]}` };
}

/** `GET https://host/path`: no user info, no query string. */
function describeRequest(url: URL): string {
  return `GET ${url.origin}${url.pathname}`;
}

async function checkOpenAi(key: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<KeyCheck> {
  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  const client = createImageClient({ apiKey: key, timeoutMs, ...(baseURL ? { baseURL } : {}) });
  const url = new URL(`${client.baseURL.replace(/\/+$/, "")}/models`);
  const started = performance.now();
  const done = { ...base("openai", describeRequest(url)) };
  try {
    const { data: page, response } = await client.models.list().withResponse();
    const ids = page.data.map((model) => model.id);
    const imageModel = imageSettingsFromEnv(env).model;
    const listed = ids.includes(imageModel);
    return {
      ...done,
      status: "connected",
      http_status: response.status,
      ms: elapsed(started),
      detail: `${ids.length} model${ids.length === 1 ? "" : "s"} listed; the image model ${imageModel} ${listed ? "is" : "is not"} among them`,
      facts: { models: ids.length, image_model: imageModel, image_model_listed: listed },
    };
  } catch (error) {
    const ms = elapsed(started);
    // The SDK's error sorted as runs sort it: an answer has a status and the API's own message.
    const classified = classifyError(error, key);
    if (classified.status !== null) {
      return { ...done, status: "failed", http_status: classified.status, ms, detail: classified.message };
    }
    const timedOut = classified.message.startsWith("Request timed out");
    return { ...done, status: "unreachable", ms, detail: unreachable(url, error, timedOut, timeoutMs) };
  }
}

/** Where each service's account request goes: beside the endpoint the pipeline calls. */
export function accountUrl(service: "photoroom" | "removebg", apiUrl: string): URL {
  const endpoint = new URL(apiUrl);
  if (service === "removebg") return new URL("account", endpoint);
  // PhotoRoom's remove-background endpoint is on sdk.photoroom.com, its account on image-api.
  if (endpoint.hostname === "sdk.photoroom.com") endpoint.hostname = "image-api.photoroom.com";
  return new URL("../v2/account", endpoint);
}

function serviceUrl(config: PostprocessConfig, service: "photoroom" | "removebg"): URL {
  return accountUrl(service, config.bg_remove[service]?.api_url ?? bgRemoveServiceUrls[service]);
}

/** The parsed JSON of an answer, or undefined when it is none. */
async function jsonOf(response: Response): Promise<{ json: unknown; text: string }> {
  const text = await response.text().catch(() => "");
  try {
    return { json: JSON.parse(text) as unknown, text };
  } catch {
    return { json: undefined, text };
  }
}

/**
 * A service's own error message from its error body: `error.message` (OpenAI, PhotoRoom's 401),
 * `errors[].title`/`detail` (remove.bg), `detail` or `message` (PhotoRoom's others); else the text.
 */
export function providerMessage(json: unknown, text: string, statusText = ""): string {
  const body = (json ?? {}) as {
    error?: { message?: unknown } | string;
    errors?: { title?: unknown; detail?: unknown }[];
    detail?: unknown;
    message?: unknown;
  };
  if (typeof body.error === "object" && typeof body.error?.message === "string") return body.error.message;
  if (typeof body.error === "string") return body.error;
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    return body.errors
      .map((entry) => [entry.title, entry.detail].filter((part) => typeof part === "string" && part).join(": "))
      .join("; ");
  }
  if (typeof body.detail === "string") return body.detail;
  if (typeof body.message === "string") return body.message;
  return text.trim().slice(0, 300) || statusText || "(no message)";
}

/** A GET with the key in `x-api-key`; its answer, or the reason there was none. */
async function getAccount(
  provider: "photoroom" | "removebg",
  url: URL,
  key: string,
  timeoutMs: number,
  read: (json: unknown) => { detail: string; facts: Record<string, string | number | boolean> } | undefined,
): Promise<KeyCheck> {
  const done = base(provider, describeRequest(url));
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { "x-api-key": key, accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return {
      ...done,
      status: "unreachable",
      ms: elapsed(started),
      detail: unreachable(url, error, timedOut, timeoutMs),
    };
  }
  const { json, text } = await jsonOf(response);
  const ms = elapsed(started);
  const answered = { ...done, http_status: response.status, ms };
  if (!response.ok) {
    return {
      ...answered,
      status: "failed",
      detail: `HTTP ${response.status}: ${providerMessage(json, text, response.statusText)}`,
    };
  }
  const account = json === undefined ? undefined : read(json);
  if (!account) {
    return { ...answered, status: "failed", detail: `HTTP ${response.status}, but the answer is not an account` };
  }
  return { ...answered, status: "connected", ...account };
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

function checkPhotoroom(key: string, url: URL, timeoutMs: number): Promise<KeyCheck> {
  return getAccount("photoroom", url, key, timeoutMs, (json) => {
    const body = json as { images?: { available?: unknown; subscription?: unknown }; plan?: unknown };
    const available = body.images?.available;
    if (!isCount(available)) return undefined;
    const subscription = isCount(body.images?.subscription) ? body.images.subscription : undefined;
    const plan = typeof body.plan === "string" ? body.plan : undefined;
    const extras = [subscription !== undefined ? `of ${subscription} this month` : "", plan ? `plan ${plan}` : ""];
    return {
      detail: `${available} image${available === 1 ? "" : "s"} left${extras.some(Boolean) ? ` (${extras.filter(Boolean).join(", ")})` : ""}`,
      facts: {
        images_available: available,
        ...(subscription !== undefined ? { images_subscription: subscription } : {}),
        ...(plan ? { plan } : {}),
      },
    };
  });
}

function checkRemovebg(key: string, url: URL, timeoutMs: number): Promise<KeyCheck> {
  return getAccount("removebg", url, key, timeoutMs, (json) => {
    const attributes = (json as { data?: { attributes?: Record<string, unknown> } }).data?.attributes;
    const credits = (attributes?.credits ?? {}) as Record<string, unknown>;
    const api = (attributes?.api ?? {}) as Record<string, unknown>;
    if (!isCount(credits.total)) return undefined;
    const parts = [
      isCount(credits.subscription) ? `subscription ${credits.subscription}` : "",
      isCount(credits.payg) ? `pay-as-you-go ${credits.payg}` : "",
      isCount(credits.enterprise) && credits.enterprise > 0 ? `enterprise ${credits.enterprise}` : "",
    ].filter(Boolean);
    const free = isCount(api.free_calls) ? `; ${api.free_calls} free preview calls` : "";
    const facts: Record<string, number> = { credits_total: credits.total };
    for (const name of ["subscription", "payg", "enterprise"] as const) {
      const value = credits[name];
      if (isCount(value)) facts[`credits_${name}`] = value;
    }
    if (isCount(api.free_calls)) facts.free_calls = api.free_calls;
    return {
      detail: `${credits.total} credits${parts.length ? ` (${parts.join(", ")})` : ""}${free}`,
      facts,
    };
  });
}

/** Why there was no answer: the host, and the network's own reason (`ECONNREFUSED`, `ENOTFOUND`, ...). */
function unreachable(url: URL, error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `could not reach ${url.host}: no answer within ${Math.round(timeoutMs / 1000)} s`;
  return `could not reach ${url.host}${reasonOf(error)}`;
}

function reasonOf(error: unknown): string {
  let deepest = "";
  for (let current = error, depth = 0; current instanceof Error && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code) return ` (${code})`;
    deepest = current.message || deepest;
    current = current.cause;
  }
  return deepest ? ` (${deepest})` : "";
}

/**
 * The key out of a message: the key itself, anything shaped like an OpenAI key, and the masked
 * form providers echo (`sk-ab****wxyz`), so not even the key's last characters are shown.
 */
function scrub(message: string, key: string): string {
  return redact(message, key)
    .replace(/[\w-]*\*{3,}[\w-]*/g, "[redacted]")
    .slice(0, 500);
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
