import type { Client } from "openapi-fetch";
import type { Call } from "./call.js";
import type { paths, Schema } from "./schema.js";

type Fetched = { data?: unknown; error?: unknown; response: Response };

/**
 * Deliveries: the approved finals of a run (or the latest approved per scene) as a zip with
 * `manifest.json`.
 *
 * @example
 * const zip = await kroma.deliveries.create("demo", { run_id: runId });
 * await writeFile("delivery.zip", zip);
 */
export function deliveriesApi(raw: Client<paths>, call: Call) {
  const request = (slug: string, body: Schema<"DeliveryRequest">, parseAs: "arrayBuffer" | "stream") =>
    raw.POST("/api/projects/{slug}/deliveries", { params: { path: { slug } }, body, parseAs }) as Promise<Fetched>;
  return {
    deliveries: {
      /** `POST /deliveries`: the zip's bytes. */
      create: async (slug: string, body: Schema<"DeliveryRequest">): Promise<Uint8Array> =>
        new Uint8Array((await call(request(slug, body, "arrayBuffer"))) as ArrayBuffer),
      /** `POST /deliveries` as a stream, for deliveries too large to hold in memory. */
      createStream: async (slug: string, body: Schema<"DeliveryRequest">): Promise<ReadableStream<Uint8Array>> =>
        (await call(request(slug, body, "stream"))) as ReadableStream<Uint8Array>,
    },
  };
}
