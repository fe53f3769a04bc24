/**
 * Where the server's own AWS credentials (`AWS_*` in its environment, or a profile of its AWS
 * config files) may be sent. A project sets its S3 `endpoint_url` itself (a project-scoped token
 * can), so without this rule it could point the sync at a listener of its own and receive them.
 */

/** The setting listing extra endpoints the operator trusts with the server's credentials. */
export const trustedEndpointsSetting = "KROMA_S3_TRUSTED_ENDPOINTS";

/**
 * The origins (`scheme://host[:port]`) of a comma-separated list of http(s) URLs; blanks are
 * skipped. Throws an Error naming the setting and the bad entry otherwise.
 *
 * @example parseTrustedEndpoints("http://127.0.0.1:9000, https://minio.example.com/") // ["http://127.0.0.1:9000", "https://minio.example.com"]
 */
export function parseTrustedEndpoints(value: string | undefined): string[] {
  const origins: string[] = [];
  for (const entry of (value ?? "").split(",")) {
    const text = entry.trim();
    if (text === "") continue;
    const origin = originOf(text);
    if (!origin) {
      throw new Error(
        `Invalid ${trustedEndpointsSetting} entry '${text}': expected an http(s) URL, e.g. http://127.0.0.1:9000`,
      );
    }
    origins.push(origin);
  }
  return origins;
}

/** `scheme://host[:port]` of an http(s) URL (default ports dropped), or undefined. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the server's own credentials may go to `endpointUrl`: AWS itself (no endpoint URL, or
 * an `https://` one on `amazonaws.com` or `amazonaws.com.cn`), or an origin listed in `trusted`.
 *
 * @example mayUseServerCredentials("http://127.0.0.1:8827", []) // false
 */
export function mayUseServerCredentials(endpointUrl: string, trusted: readonly string[]): boolean {
  if (endpointUrl === "") return true;
  const origin = originOf(endpointUrl);
  if (!origin) return false;
  const { protocol, hostname } = new URL(endpointUrl);
  const aws = [".amazonaws.com", ".amazonaws.com.cn"].some((suffix) => hostname.endsWith(suffix));
  return (protocol === "https:" && aws) || trusted.includes(origin);
}
