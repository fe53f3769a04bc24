import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// `pnpm test:fuzz` (`vitest run tests/fuzz` with this config): the spec fuzz alone, long: 130
// requests per operation (over 10,000 in all), with the per-operation table printed. The normal
// `pnpm test` runs a short sample of the same.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      testTimeout: 600_000,
      env: { FUZZ_RUNS: "130", FUZZ_REPORT: "1" },
    },
  }),
);
