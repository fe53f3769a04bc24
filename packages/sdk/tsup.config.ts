import { defineConfig } from "tsup";

export default defineConfig({
  // `schema` is an entry of its own so the generated types land in `schema.d.ts`, which
  // `index.d.ts` imports from, and the client's declarations stay short enough to read.
  entry: { index: "src/index.ts", schema: "src/schema.ts" },
  format: ["esm"],
  target: "node20",
  clean: true,
  sourcemap: true,
  // Inline the contract's generated types so the published package stands alone.
  dts: {
    resolve: [/^@kroma\/contract/],
    compilerOptions: { paths: { "@kroma/contract/types": ["../contract/src/types.ts"] } },
  },
});
