// Kroma's shared test kit: servers started for a test, stand-ins for the outside services the
// pipeline calls, clients for the API and fixtures. Private: only tests and benchmarks import it.
export * from "./api-client.js";
export * from "./craft-bundle.js";
export * from "./cutout-services.js";
export * from "./export-fixtures.js";
export * from "./fake-tools.js";
export * from "./fs-tree.js";
export * from "./held-images.js";
export * from "./http-client.js";
export * from "./images-server.js";
export * from "./local-s3.js";
export * from "./png-bytes.js";
export * from "./raw-http.js";
export * from "./run-fixtures.js";
export * from "./served-process.js";
export * from "./sqlite-probe.js";
export * from "./test-images.js";
export * from "./test-server.js";
