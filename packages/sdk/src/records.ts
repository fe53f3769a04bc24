import type { Client } from "openapi-fetch";
import type { Call } from "./call.js";
import type { JsonSuccess, OperationAt, paths, RequestBody } from "./schema.js";

type Send = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
/** The success body of `M P`, as the spec declares it. */
type Answer<P extends keyof paths, M extends "get" | "post" | "put" | "delete"> = JsonSuccess<
  OperationAt<P, M>
>["body"];

/**
 * The five calls of a project's named collection (`/{slug}/<things>` and `/{slug}/<things>/{id}`):
 * list, create, get, update and remove, each returning the success body. The paths are checked
 * against the spec by the types; the request is the same openapi-fetch call a hand-written helper makes.
 */
export function recordsApi<Collection extends keyof paths, Item extends keyof paths>(
  raw: Client<paths>,
  call: Call,
  collection: Collection,
  item: Item,
  id: string,
) {
  // One untyped door into openapi-fetch: the outward types below come from the spec instead.
  const send = (method: "GET" | "POST" | "PUT" | "DELETE", path: string, init: object) =>
    call((raw[method] as unknown as Send).call(raw, path, init));
  const at = (slug: string, itemId?: string) => ({
    params: { path: itemId === undefined ? { slug } : { slug, [id]: itemId } },
  });
  return {
    list: (slug: string) => send("GET", collection, at(slug)) as Promise<Answer<Collection, "get">>,
    create: (slug: string, body: RequestBody<OperationAt<Collection, "post">>) =>
      send("POST", collection, { ...at(slug), body }) as Promise<Answer<Collection, "post">>,
    get: (slug: string, itemId: string) => send("GET", item, at(slug, itemId)) as Promise<Answer<Item, "get">>,
    update: (slug: string, itemId: string, body: RequestBody<OperationAt<Item, "put">>) =>
      send("PUT", item, { ...at(slug, itemId), body }) as Promise<Answer<Item, "put">>,
    remove: (slug: string, itemId: string) => send("DELETE", item, at(slug, itemId)) as Promise<Answer<Item, "delete">>,
  };
}
