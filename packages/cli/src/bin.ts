#!/usr/bin/env node
import { run } from "./program.js";

// `kroma ... | head` closes the pipe early: the reader has what it wanted, so stop quietly (as
// a shell tool does) instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(process.argv);
