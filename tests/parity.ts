import { listOperations, type OpenApiDocument } from "@kroma/contract";
import { toSpecPath } from "@kroma/server";
import type { Hono } from "hono";

export interface ParityReport {
  /** Routes the app mounts that the spec does not declare, as `METHOD /path`. */
  missingInSpec: string[];
  /** Operations the spec declares that no handler serves, as `METHOD /path`. */
  missingInApp: string[];
}

/** The routes Hono actually mounted, read from the app itself (middleware, method ALL, excluded). */
export function mountedRoutes(app: Hono): string[] {
  const routes = app.routes.filter((route) => route.method !== "ALL");
  return [...new Set(routes.map((route) => `${route.method.toUpperCase()} ${toSpecPath(route.path)}`))].sort();
}

/** Compares both directions; an empty report means the server and the spec agree. */
export function checkParity(app: Hono, document: OpenApiDocument): ParityReport {
  const mounted = mountedRoutes(app);
  const declared = listOperations(document).map((op) => `${op.method.toUpperCase()} ${op.path}`);
  return {
    missingInSpec: mounted.filter((route) => !declared.includes(route)),
    missingInApp: declared.filter((route) => !mounted.includes(route)).sort(),
  };
}
