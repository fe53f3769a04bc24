// Moved to @kroma/testkit; this re-export lives until the importers are rewritten.
export * from "@kroma/testkit/png-bytes";
