import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
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
