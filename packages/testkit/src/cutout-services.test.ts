import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountRefusals, type CutoutServers, defaultCutoutAccounts, startCutoutServices } from "./cutout-services.js";

// The account requests of the PhotoRoom and remove.bg stand-ins answer and refuse as the services do.

let services: CutoutServers;
beforeAll(async () => {
  services = await startCutoutServices("right-cutout-key");
});
afterAll(() => services.close());

const photoroomAccount = () => new URL("/v2/account", services.photoroomUrl).href;
const removebgAccount = () => new URL("account", services.removebgUrl).href;

async function get(url: string, key?: string) {
  const response = await fetch(url, { headers: key === undefined ? {} : { "x-api-key": key } });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("the cut-out stand-ins' account requests", () => {
  it("answer the right key with each service's account shape", async () => {
    expect(await get(photoroomAccount(), "right-cutout-key")).toEqual({
      status: 200,
      body: defaultCutoutAccounts.photoroom,
    });
    expect(await get(removebgAccount(), "right-cutout-key")).toEqual({
      status: 200,
      body: defaultCutoutAccounts.removebg,
    });
    expect(services.requests.at(-1)).toMatchObject({ service: "removebg", method: "GET", path: "/v1.0/account" });
  });

  it("refuse a wrong or missing key as each service does", async () => {
    expect(await get(photoroomAccount(), "wrong")).toEqual({
      status: 401,
      body: { error: { message: "Unauthorized" } },
    });
    expect(await get(removebgAccount(), "wrong")).toEqual({
      status: 403,
      body: { errors: [{ title: "API Key invalid", code: "auth_failed" }] },
    });
    expect((await get(removebgAccount())).status).toBe(accountRefusals.removebg.status);
  });

  it("answer what a test sets", async () => {
    services.account("photoroom", { images: { available: 0, subscription: 10 }, plan: "free" });
    expect((await get(photoroomAccount(), "right-cutout-key")).body).toEqual({
      images: { available: 0, subscription: 10 },
      plan: "free",
    });
  });

  it("take an account request only by GET", async () => {
    const response = await fetch(removebgAccount(), { method: "POST", headers: { "x-api-key": "right-cutout-key" } });
    expect(response.status).toBe(404);
  });
});
