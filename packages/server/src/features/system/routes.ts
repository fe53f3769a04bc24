import type { DefineRoute } from "../../core/router.js";

export interface SystemRoutesOptions {
  version: string;
  startedAt: number;
  /** How many operations the app mounts, read when asked so it counts every module. */
  routeCount: () => number;
}

export function systemRoutes(route: DefineRoute, options: SystemRoutesOptions): void {
  route("get", "/health", () => ({
    status: 200,
    body: {
      ok: true,
      status: "ok",
      service: "kroma-backend-core",
      version: options.version,
      started_unix_ms: options.startedAt,
      route_count: options.routeCount(),
    },
  }));
}
