// The bounded scanners the server runs over request text before parsing it (JSON depth, the JSON
// object in a pasted bootstrap reply, slug normalisation). Each takes an optional step counter so
// tests can prove it linear by counting work rather than timing it; exported on their own subpath
// for those tests and bench/scanners.bench.ts, not as part of the server's app API.
export { exceedsJsonDepth } from "./core/json-depth.js";
export type { ScanSteps } from "./core/scan-steps.js";
export { normalizeSlug } from "./core/slug.js";
export { balancedBraces, extractJsonObject, jsonFenceBody } from "./features/bootstrap/extract-json.js";
