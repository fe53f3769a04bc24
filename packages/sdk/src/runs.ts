import type { Client } from "openapi-fetch";
import type { Call, Query } from "./call.js";
import { KromaApiError } from "./errors.js";
import { followRunEvents, type RunEventsOptions, type StreamedRunEvent } from "./event-stream.js";
import { iterator } from "./paging.js";
import type { paths, Schema } from "./schema.js";

/** What streaming needs besides the typed client: openapi-fetch has no event-stream support. */
export interface StreamTransport {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
}

/** How long a trigger or rerun waits for its run: `true` as long as the server allows, a number at most that many seconds. */
export interface WaitOptions {
  wait?: boolean | number;
}

/** `Prefer: wait=<n>` for a wait given in seconds. */
function preferHeader(options: WaitOptions): { Prefer?: string } {
  return typeof options.wait === "number" ? { Prefer: `wait=${Math.max(0, Math.floor(options.wait))}` } : {};
}

/** The body with `wait: true` for `wait: true`. */
function withWait<B extends { wait?: boolean }>(body: B, options: WaitOptions): B {
  return options.wait === true ? { ...body, wait: true } : body;
}

/**
 * Helpers for runs and what they produced: list, inspect, trigger, cancel, resume and follow runs;
 * assets, quality reports and cost events. Each returns the success body and throws
 * `KromaApiError` on failure.
 */
export function runsApi(raw: Client<paths>, call: Call, transport: StreamTransport) {
  const at = (slug: string) => ({ params: { path: { slug } } });
  const atRun = (slug: string, runId: string) => ({ params: { path: { slug, runId } } });

  /**
   * A run's server-sent events until its `done` event (then the iterator ends). A dropped stream
   * is reopened with `Last-Event-ID`, so no event is lost or repeated; each event keeps its `id`,
   * which `lastEventId` takes to resume later. Pass `signal` to stop listening early.
   *
   * @example
   * for await (const event of kroma.runs.events("demo", runId)) {
   *   if (event.type === "progress") console.log(event.phase, event.job);
   *   if (event.type === "done") console.log(event.status, event.summary);
   * }
   */
  function events(slug: string, runId: string, options: RunEventsOptions = {}): AsyncGenerator<StreamedRunEvent> {
    const url = `${transport.baseUrl}/api/projects/${encodeURIComponent(slug)}/runs/${encodeURIComponent(runId)}/events`;
    const open = async (lastEventId: string | undefined) => {
      const response = await transport.fetch(url, {
        headers: {
          ...transport.headers,
          accept: "text/event-stream",
          ...(lastEventId ? { "last-event-id": lastEventId } : {}),
        },
        signal: options.signal,
      });
      if (response.ok) return response;
      throw KromaApiError.fromResponse(response.status, await response.json().catch(() => undefined));
    };
    return followRunEvents(open, options);
  }

  const list = {
    runs: (slug: string, query: Query<"/api/projects/{slug}/runs"> = {}) =>
      call(raw.GET("/api/projects/{slug}/runs", { params: { path: { slug }, query } })),
    assets: (slug: string, query: Query<"/api/projects/{slug}/assets"> = {}) =>
      call(raw.GET("/api/projects/{slug}/assets", { params: { path: { slug }, query } })),
    qualityReports: (slug: string, query: Query<"/api/projects/{slug}/quality-reports"> = {}) =>
      call(raw.GET("/api/projects/{slug}/quality-reports", { params: { path: { slug }, query } })),
    costEvents: (slug: string, query: Query<"/api/projects/{slug}/cost-events"> = {}) =>
      call(raw.GET("/api/projects/{slug}/cost-events", { params: { path: { slug }, query } })),
  };

  return {
    runs: {
      /** `GET /runs`: newest first (a page: `limit`, default 500, and `offset`); filter by `status` or `mode`. */
      list: list.runs,
      /**
       * Every run, newest first, a page at a time (`pageSize`); filters as `list`.
       *
       * @example
       * for await (const run of kroma.runs.iterate("demo", { status: "failed" })) console.log(run.id);
       */
      iterate: iterator(list.runs, "runs"),
      /** `GET /runs/{runId}`: the run with its jobs and their candidates. */
      get: (slug: string, runId: string) => call(raw.GET("/api/projects/{slug}/runs/{runId}", atRun(slug, runId))),
      /** `GET /runs/{runId}/jobs`: in plan order, with the run's review progress; `review` filters. */
      jobs: (slug: string, runId: string, query: Query<"/api/projects/{slug}/runs/{runId}/jobs"> = {}) =>
        call(raw.GET("/api/projects/{slug}/runs/{runId}/jobs", { params: { path: { slug, runId }, query } })),
      /**
       * `POST /runs/trigger`: queues a dry (default) or paid run; answers with its id at once, or
       * with the finished run when `wait` is given (`true`: up to the server's most; a number: at
       * most that many seconds, sent as `Prefer: wait=<n>`).
       *
       * @example
       * const { pipeline_trigger } = await kroma.runs.trigger("demo", { input: "scenes" }, { wait: true });
       * pipeline_trigger.status_code; // 0 when the run succeeded
       */
      trigger: (slug: string, body: Schema<"TriggerRunRequest"> = {}, options: WaitOptions = {}) =>
        call(
          raw.POST("/api/projects/{slug}/runs/trigger", {
            params: { path: { slug }, header: preferHeader(options) },
            body: withWait(body, options),
          }),
        ),
      /**
       * `POST /runs/{runId}/rerun`: a new run of some or all of a run's jobs (`jobs: "all" | "failed"`
       * or `job_ids`), repeating its recorded request; answered like `trigger`, `wait` included.
       *
       * @example
       * await kroma.runs.rerun("demo", runId, { jobs: "failed", confirm_spend: true });
       */
      rerun: (slug: string, runId: string, body: Schema<"RerunRunRequest">, options: WaitOptions = {}) =>
        call(
          raw.POST("/api/projects/{slug}/runs/{runId}/rerun", {
            params: { path: { slug, runId }, header: preferHeader(options) },
            body: withWait(body, options),
          }),
        ),
      /** `POST /runs/{runId}/cancel` */
      cancel: (slug: string, runId: string) =>
        call(raw.POST("/api/projects/{slug}/runs/{runId}/cancel", atRun(slug, runId))),
      /** `POST /runs/{runId}/resume`: continues an interrupted run, or a canceled, partial or failed one. */
      resume: (slug: string, runId: string) =>
        call(raw.POST("/api/projects/{slug}/runs/{runId}/resume", atRun(slug, runId))),
      events,
      /**
       * Follows a run's events until it ends, then returns the run with its jobs.
       *
       * @example
       * const { pipeline_trigger } = await kroma.runs.trigger("demo", { scene_refs: ["scenes/a.png"] });
       * const { run } = await kroma.runs.wait("demo", pipeline_trigger.run_id); // run.status: "succeeded"
       */
      async wait(slug: string, runId: string, options: Omit<RunEventsOptions, "lastEventId"> = {}) {
        for await (const _event of events(slug, runId, options)) {
          // every event until `done`
        }
        return call(raw.GET("/api/projects/{slug}/runs/{runId}", atRun(slug, runId)));
      },
      /**
       * `GET /runs/{runId}/contact-sheet`: a PNG of the run's candidates, one row per job (at
       * most 64 a sheet; `offset` and `limit` page through more), the chosen ones marked.
       *
       * @example
       * await writeFile("sheet.png", await kroma.runs.contactSheet("demo", runId));
       */
      async contactSheet(
        slug: string,
        runId: string,
        query: Query<"/api/projects/{slug}/runs/{runId}/contact-sheet"> = {},
      ): Promise<Uint8Array> {
        const request = raw.GET("/api/projects/{slug}/runs/{runId}/contact-sheet", {
          params: { path: { slug, runId }, query },
          parseAs: "arrayBuffer",
        });
        return new Uint8Array((await call(request)) as ArrayBuffer);
      },
      /** Validates the project's layered pipeline settings, manifest and postprocess config. */
      validateConfig: (slug: string, body: Schema<"ValidateRunConfigRequest"> = {}) =>
        call(raw.POST("/api/projects/{slug}/runs/validate-config", { ...at(slug), body })),
    },
    assets: {
      /** `GET /assets`: newest first (a page); filter by `run_id`, `job_id`, `asset_kind`. */
      list: list.assets,
      /** Every asset, newest first, a page at a time; filters as `list`. */
      iterate: iterator(list.assets, "assets"),
      /** `GET /assets/{assetId}` */
      get: (slug: string, assetId: string) =>
        call(raw.GET("/api/projects/{slug}/assets/{assetId}", { params: { path: { slug, assetId } } })),
      /**
       * `POST /assets/moves`: points the records naming files a client moved inside the project at
       * their new paths; a move the server does not see on its own disk is answered in `refused`.
       */
      recordMoves: (slug: string, moves: Schema<"RecordAssetMovesRequest">["moves"]) =>
        call(raw.POST("/api/projects/{slug}/assets/moves", { ...at(slug), body: { moves } })),
    },
    qualityReports: {
      /** `GET /quality-reports`: the output guard's verdicts (a page); filter by `run_id`, `asset_id`, `grade`. */
      list: list.qualityReports,
      /** Every quality report, a page at a time; filters as `list`. */
      iterate: iterator(list.qualityReports, "quality_reports"),
    },
    costEvents: {
      /** `GET /cost-events`: estimated spend per image (a page), with `total_cost_usd`. */
      list: list.costEvents,
      /** Every cost event, a page at a time; filter by `run_id`. */
      iterate: iterator(list.costEvents, "cost_events"),
    },
  };
}
