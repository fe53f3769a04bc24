export { createProgram, defaultApiUrl, run } from "./program.js";
