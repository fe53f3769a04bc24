import type { ApiClient } from "@kroma/testkit/api-client";
import { expect } from "vitest";

/** Creates a project per name (slugs derived from the names) and fails the test if one is refused. */
export async function createProjects(client: ApiClient, ...names: string[]): Promise<void> {
  for (const name of names) {
    const { response } = await client.POST("/api/projects", { body: { name } });
    expect(response.status, `create project ${name}`).toBe(200);
  }
}
