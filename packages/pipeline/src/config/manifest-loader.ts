import { resolve } from "node:path";
import { type ConfigProblem, configError } from "../errors.js";
import { defaultManifest, type Manifest } from "./manifest.js";
import { readConfigDocument, schemaProblems } from "./schemas.js";

/** A manifest file checked: whether it exists, every problem, and the manifest it yields. */
export interface ManifestInspection {
  file: string;
  found: boolean;
  /** The file deep-merged over the defaults (the defaults alone when the file is missing). */
  manifest: Manifest;
  problems: ConfigProblem[];
}

/**
 * Reads and checks a manifest without throwing: syntax, schema (unknown keys, types, ranges) and
 * `generation.candidates <= generation.max_candidates` on the merged values.
 *
 * @example
 * const { found, problems } = await inspectManifest("config/pipeline.manifest.json");
 */
export async function inspectManifest(path: string): Promise<ManifestInspection> {
  const file = resolve(path);
  const document = await readConfigDocument(file);
  if (document.status === "missing") return { file, found: false, manifest: cloneDefaults(), problems: [] };
  if (document.status === "invalid") {
    return { file, found: true, manifest: cloneDefaults(), problems: [document.problem] };
  }
  const problems = schemaProblems("manifest", document.value, file);
  if (problems.length > 0) return { file, found: true, manifest: cloneDefaults(), problems };
  const manifest = deepMerge(cloneDefaults(), document.value) as Manifest;
  const { candidates, max_candidates } = manifest.generation;
  if (candidates > max_candidates) {
    problems.push({
      file,
      field: "generation.candidates",
      message: "must be between 1 and generation.max_candidates",
    });
  }
  return { file, found: true, manifest, problems };
}

/**
 * The manifest to run with: `defaultManifest` when there is no path or no file there (unless
 * `required`), else the file validated and deep-merged over the defaults (objects merge key by
 * key; arrays and scalars replace). Throws a `PipelineError` listing every problem.
 *
 * @example
 * const manifest = await loadManifest(settings.values.manifest_path);
 * manifest.generation.candidates; // 1 unless the file says otherwise
 */
export async function loadManifest(path?: string, options: { required?: boolean } = {}): Promise<Manifest> {
  if (path === undefined) return cloneDefaults();
  const inspection = await inspectManifest(path);
  if (!inspection.found && options.required) {
    throw configError("Manifest not found", [{ file: inspection.file, field: "", message: "manifest file not found" }]);
  }
  if (inspection.problems.length > 0) throw configError("Manifest is invalid", inspection.problems);
  return inspection.manifest;
}

const cloneDefaults = (): Manifest => structuredClone(defaultManifest);

/** Plain objects merge recursively; anything else in `override` replaces what `base` had. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
