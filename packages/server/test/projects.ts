import type { ApiClient } from "@kroma/testkit/api-client";
import { expect } from "vitest";

/** Creates a project per name (slugs derived from the names) and fails the test if one is refused. */
export async function createProjects(client: ApiClient, ...names: string[]): Promise<void> {
  for (const name of names) {
    const { response } = await client.POST("/api/projects", { body: { name } });
    expect(response.status, `create project ${name}`).toBe(200);
  }
}

/** The id of the project with this slug (the test fails when there is none). */
export async function projectIdOf(client: ApiClient, slug: string): Promise<string> {
  const { data, response } = await client.GET("/api/projects/{slug}", { params: { path: { slug } } });
  expect(response.status, `project ${slug}`).toBe(200);
  return data?.project.id ?? "";
}
