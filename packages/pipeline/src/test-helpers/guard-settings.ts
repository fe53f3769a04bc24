import type { OutputGuardSettings } from "../plan/run-request.js";

/** Guard settings for tests: on, grayscale not enforced, threshold 2, only warn above it; `changes` on top. */
export function guardSettings(changes: Partial<OutputGuardSettings> = {}): OutputGuardSettings {
  return { enabled: true, enforce_grayscale: false, max_chroma_delta: 2, fail_on_chroma_exceed: false, ...changes };
}
