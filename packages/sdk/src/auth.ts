import type { Call } from "./call.js";
import type { KromaRawClient } from "./client.js";
import { KromaApiError } from "./errors.js";

/**
 * Browser sign-in: `POST`, `GET` and `DELETE /auth/session`. The server answers a sign-in with an
 * HttpOnly `kroma_session` cookie that the browser then sends with every request (so `<img>` and
 * `EventSource` are authenticated too); script never sees the cookie's secret, these helpers only
 * ask the server about it. In a page served by the Kroma server itself nothing else is needed:
 * `fetch` sends cookies to its own origin by default. A page on another origin would need
 * `credentials: "include"` and CORS, which the server does not grant, so serve the web app from
 * the API's origin (or proxy the API under it).
 *
 * @example
 * const kroma = createKromaClient({ baseUrl: location.origin });
 * await kroma.auth.signIn(tokenFromTheSignInForm);
 * const session = await kroma.auth.session(); // null once signed out or expired
 * await kroma.auth.signOut();
 */
export function sessionApi(raw: KromaRawClient, call: Call) {
  return {
    /**
     * `POST /auth/session`: exchanges `token` (sent in the body) for the session cookie; without
     * `token`, the client's own bearer token is exchanged. Resolves to the session (never its
     * secret).
     */
    signIn: (token?: string) =>
      call(
        token === undefined
          ? raw.POST("/auth/session")
          : // The token travels in the body, so the client's own bearer header must not come along.
            raw.POST("/auth/session", { body: { token }, headers: { Authorization: null } }),
      ),
    /** `DELETE /auth/session`: ends this browser's session; the server clears the cookie. */
    signOut: () => call(raw.DELETE("/auth/session")),
    /** `GET /auth/session`: the current session, or `null` when not signed in (a 401). */
    session: async () => {
      try {
        return await call(raw.GET("/auth/session"));
      } catch (error) {
        if (error instanceof KromaApiError && error.status === 401) return null;
        throw error;
      }
    },
  };
}
