import { describe, expect, it } from "vitest";
import { progressReporter } from "../src/commands/lab.js";
import { reportedText } from "./progress-stream.js";

const events = [
  { phase: "candidate_start", job: "style_1_a", jobIndex: 1, jobs: 2, candidate: 1, candidates: 2 },
  {
    phase: "job_done",
    job: "style_1_a",
    jobIndex: 1,
    jobs: 2,
    candidate: 2,
    candidates: 2,
    status: "done",
    selected_candidate: 2,
    final_output: "outputs/style_1_a.png",
  },
  {
    phase: "retry",
    job: "style_2_b",
    jobIndex: 2,
    jobs: 2,
    candidate: 1,
    candidates: 2,
    attempt: 2,
    delayMs: 10,
    error: "http_500",
  },
  {
    phase: "job_done",
    job: "style_2_b",
    jobIndex: 2,
    jobs: 2,
    candidate: 2,
    candidates: 2,
    status: "failed",
    error: "http_500",
  },
] as never[];

describe("progress on stderr", () => {
  it("draws a bar with the jobs done on a terminal and keeps a line per finished job", () => {
    const text = reportedText(progressReporter, true, events);
    expect(text).toContain("job 1/2 style_1_a: done, candidate 2/2 -> outputs/style_1_a.png");
    expect(text).toContain("job 2/2 style_2_b: failed (http_500)");
    expect(text).toMatch(/1\/2 jobs/);
  });

  it("prints only the finished-job lines when stderr is not a terminal", () => {
    expect(reportedText(progressReporter, false, events)).toBe(
      "job 1/2 style_1_a: done, candidate 2/2 -> outputs/style_1_a.png\njob 2/2 style_2_b: failed (http_500)\n",
    );
  });

  it("prints nothing with -q, on a terminal or not", () => {
    for (const tty of [true, false]) {
      expect(reportedText((stream) => progressReporter(stream, { quiet: true }), tty, events)).toBe("");
    }
  });
});
