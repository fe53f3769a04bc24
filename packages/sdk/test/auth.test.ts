import { createKromaClient, KromaApiError } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
});
afterAll(() => server.stop());

/**
 * A fetch that keeps the `kroma_session` cookie the way a browser does for a page of the
 * server's own origin: stored from `Set-Cookie`, sent back with every request, dropped on
 * `Max-Age=0`. (Node's fetch has no cookie jar.)
 */
function browserLikeFetch(): { fetch: typeof fetch; cookie: () => string | undefined } {
  let cookie: string | undefined;
  const fetchWithCookies: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (cookie !== undefined) request.headers.set("cookie", `kroma_session=${cookie}`);
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [, value, rest] = /^kroma_session=([^;]*)(.*)$/.exec(line) ?? [];
      if (value === undefined) continue;
      cookie = /Max-Age=0(;|$)/.test(rest ?? "") ? undefined : value;
    }
    return response;
  };
  return { fetch: fetchWithCookies, cookie: () => cookie };
}

describe("kroma.auth sign-in helpers", () => {
  it("sign in with a token, authenticate by cookie alone, and sign out", async () => {
    const { auth_token } = await createKromaClient({ baseUrl: server.url }).auth.createToken({ label: "studio" });
    const browser = browserLikeFetch();
    const kroma = createKromaClient({ baseUrl: server.url, fetch: browser.fetch, credentials: "same-origin" });

    expect(await kroma.auth.session()).toBeNull();
    const signedIn = await kroma.auth.signIn(auth_token.token);
    expect(signedIn.auth_session.token).toMatchObject({ id: auth_token.id, label: "studio" });
    expect(JSON.stringify(signedIn)).not.toContain(auth_token.token);
    expect(browser.cookie()).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // No token on this client: the cookie authenticates it.
    await kroma.projects.upsert({ name: "Via Cookie" });
    expect((await kroma.projects.list()).projects.map((p) => p.slug)).toContain("via_cookie");
    expect((await kroma.auth.session())?.auth_session.id).toBe(signedIn.auth_session.id);

    expect(await kroma.auth.signOut()).toEqual({ ok: true, deleted: true, session_id: signedIn.auth_session.id });
    expect(browser.cookie()).toBeUndefined();
    expect(await kroma.auth.session()).toBeNull();
    const refused = await kroma.projects.list().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KromaApiError);
    expect(refused).toMatchObject({ status: 401, kind: "policy", code: "unauthorized" });

    // A client holding the token signs in with its own bearer header.
    const withToken = createKromaClient({ baseUrl: server.url, token: auth_token.token, fetch: browser.fetch });
    expect((await withToken.auth.signIn()).auth_session.token.id).toBe(auth_token.id);
    // ... and with another token passed explicitly, only that one is sent (not both: a 400).
    expect((await withToken.auth.signIn(auth_token.token)).auth_session.token.id).toBe(auth_token.id);
  });
});
