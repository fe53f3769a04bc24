import { createKromaClient, type KromaClient } from "@kroma/sdk";
import type { GlobalOptions } from "./output.js";

/** A client of the API the global flags name (`--api-url`, `--token`). */
export function apiClient({ apiUrl, token }: Pick<GlobalOptions, "apiUrl" | "token">): KromaClient {
  return createKromaClient({ baseUrl: apiUrl, token });
}
