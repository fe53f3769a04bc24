import type { components } from "./schema.js";

// The spec describes a run event as one object whose `type` says which of its optional fields
// are set. The SDK splits it by `type` into a union that narrows, taking every field's type from
// the generated schema so the two cannot drift apart.
type Spec = components["schemas"]["RunEvent"];
type Common = Pick<Spec, "run_id" | "status">;
type Of<T extends Spec["type"]> = Common & { type: Extract<Spec["type"], T> };
/**
 * The spec's fields a kind of event does not carry, as `?: undefined`: reading one before
 * narrowing (`event.job`) still compiles, as it did on the one object type, and is `undefined`.
 */
type Only<T> = T & { [K in Exclude<keyof Spec, keyof T>]?: undefined };

/** `status`: the run's status now (first on every stream, then on each change). */
export type RunStatusEvent = Only<Of<"status">>;

/**
 * `progress`: a request went out or was retried, a candidate or a job finished (`phase`;
 * indexes are 1-based). `candidate_done` and `job_done` name the job's record and its assets.
 */
export type RunProgressEvent = Only<
  Of<"progress"> &
    Required<Pick<Spec, "phase" | "job" | "job_index" | "jobs" | "candidate" | "candidates">> &
    Pick<Spec, "attempt" | "job_status" | "error" | "job_id" | "asset_ids">
>;

/** `done`: the terminal status, the run's summary and its error if any; the stream's last event. */
export type RunDoneEvent = Only<Of<"done"> & Required<Pick<Spec, "summary">> & Pick<Spec, "error">>;

/** One event of a run's progress stream (`RunEvent` in the spec), narrowed by `type`. */
export type RunEvent = RunStatusEvent | RunProgressEvent | RunDoneEvent;
