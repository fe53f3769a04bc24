import { runStageValues, runTimeOfDayValues, runWeatherValues } from "@kroma/contract/enums";
import type { Stage, TimeOfDay, Weather } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { type PromptFields, parsePromptFields } from "./prompt.js";

// Batches: rows that each name a scene (or several) and any per-row template fields and stage,
// time or weather. A list in a row expands the row, as InvokeAI's batches do: lists zipped
// together (`zip`) advance in step, every other list multiplies (product), and `repeat` runs
// each combination that many times.

/** A batch row as checked: every expandable value a list. */
export interface BatchRow {
  /** Project refs of the scene images (relative to the project root). */
  scene: string[];
  fields: Record<string, string[]>;
  stage?: Stage;
  time?: TimeOfDay;
  weather?: Weather;
  /** Groups of keys (`scene` and field names) whose lists advance together. */
  zip: string[][];
  repeat: number;
}

/** One job a batch expands to: its scene ref, fields and overrides, and its 1-based row. */
export interface BatchJob {
  scene: string;
  fields: PromptFields;
  stage?: Stage;
  time?: TimeOfDay;
  weather?: Weather;
  batch_row: number;
}

/** The most jobs a batch may expand to before the plan's own limit is even checked: a guard against a product of huge lists. */
const expansionCeiling = 10_000;

const fail = (row: number, why: string) => new PipelineError(`Batch row ${row}: ${why}`, { field: "batch", row });

function stringList(row: number, key: string, value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw fail(row, `'${key}' is an empty list`);
  return items.map((item) => {
    if (!["string", "number", "boolean"].includes(typeof item) || String(item).trim() === "") {
      throw fail(row, `'${key}' must be a non-empty string or a list of them`);
    }
    return String(item).trim();
  });
}

function choice<T extends string>(row: number, key: string, value: unknown, values: readonly T[]): T | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const match = values.find((v) => v === String(value).trim().toLowerCase());
  if (!match) throw fail(row, `'${key}' must be one of: ${values.join(", ")}`);
  return match;
}

const rowKeys = new Set(["scene", "fields", "stage", "time", "weather", "zip", "repeat"]);

/**
 * Checks one raw row (an object from a JSONL line, a CSV record or the trigger's `batch`).
 * Keys: `scene` (required), `fields`, `stage`, `time`, `weather`, `zip`, `repeat`; an unknown key is
 * an error naming it. `time` needs stage time or weather, `weather` stage weather (the row's stage,
 * else the request's).
 */
export function checkBatchRow(raw: unknown, row: number, requestStage: Stage): BatchRow {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw fail(row, "must be an object");
  const value = raw as Record<string, unknown>;
  const unknown = Object.keys(value).filter((key) => !rowKeys.has(key));
  if (unknown.length > 0) {
    throw fail(row, `unknown key ${unknown.map((k) => `'${k}'`).join(", ")} (put template values under 'fields')`);
  }
  if (value.scene === undefined) throw fail(row, "'scene' is required");
  const scene = stringList(row, "scene", value.scene);
  const fieldValues = value.fields ?? {};
  if (typeof fieldValues !== "object" || fieldValues === null || Array.isArray(fieldValues)) {
    throw fail(row, "'fields' must be an object");
  }
  // Each field's names and values are checked as prompt_fields are, one value at a time.
  const fields: Record<string, string[]> = {};
  for (const [key, item] of Object.entries(fieldValues)) {
    const list = stringList(row, `fields.${key}`, item);
    for (const one of list) parsePromptFields(`batch[${row}].fields`, { [key]: one });
    fields[key] = list;
  }
  const stage = choice(row, "stage", value.stage, runStageValues);
  const time = choice(row, "time", value.time, runTimeOfDayValues);
  const weather = choice(row, "weather", value.weather, runWeatherValues);
  const effective = stage ?? requestStage;
  if (time && effective === "style") throw fail(row, "'time' requires stage 'time' or 'weather'");
  if (weather && effective !== "weather") throw fail(row, "'weather' requires stage 'weather'");
  return {
    scene,
    fields,
    ...(stage ? { stage } : {}),
    ...(time ? { time } : {}),
    ...(weather ? { weather } : {}),
    zip: checkZip(row, value.zip, scene, fields),
    repeat: checkRepeat(row, value.repeat),
  };
}

function checkRepeat(row: number, value: unknown): number {
  if (value === undefined || value === null || value === "") return 1;
  const n = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1 || n > 100) {
    throw fail(row, "'repeat' must be an integer from 1 to 100");
  }
  return n;
}

/** `zip` groups: known keys, each key in one group at most, equal list lengths within a group. */
function checkZip(row: number, value: unknown, scene: string[], fields: Record<string, string[]>): string[][] {
  if (value === undefined || value === null) return [];
  const groups = Array.isArray(value) && value.every(Array.isArray) ? (value as unknown[][]) : undefined;
  if (!groups) throw fail(row, '\'zip\' must be a list of lists of keys, e.g. [["scene", "mood"]]');
  const lengthOf = (key: string) => (key === "scene" ? scene.length : fields[key]?.length);
  const seen = new Set<string>();
  return groups.map((group) => {
    const keys = group.map(String);
    for (const key of keys) {
      if (lengthOf(key) === undefined) throw fail(row, `'zip' names '${key}', which is neither 'scene' nor a field`);
      if (seen.has(key)) throw fail(row, `'zip' names '${key}' twice`);
      seen.add(key);
    }
    const lengths = new Set(keys.map(lengthOf));
    if (lengths.size > 1) throw fail(row, `'zip' group [${keys.join(", ")}] has lists of different lengths`);
    return keys;
  });
}

/** A row's groups: each zip group, then every other list-valued key alone, in key order. */
function groupsOf(row: BatchRow): { keys: string[]; size: number }[] {
  const all = ["scene", ...Object.keys(row.fields)];
  const lengthOf = (key: string) => (key === "scene" ? row.scene.length : (row.fields[key]?.length ?? 1));
  const zipped = new Set(row.zip.flat());
  return [...row.zip, ...all.filter((key) => !zipped.has(key)).map((key) => [key])].map((keys) => ({
    keys,
    size: lengthOf(keys[0] as string),
  }));
}

/** How many jobs a row expands to: the product of its groups' sizes, times its repeat count. */
export function batchRowSize(row: BatchRow): number {
  return groupsOf(row).reduce((total, group) => total * group.size, row.repeat);
}

/**
 * Every job a batch expands to, rows in order; within a row, combinations in order (the last
 * group varies fastest), each repeated `repeat` times in a row. Refuses an expansion above 10,000
 * jobs before building it (the plan's `safe_batch_limit` is checked after).
 *
 * @example
 * expandBatch([{ scene: ["a.png", "b.png"], fields: { mood: ["wet", "dry"] }, zip: [], repeat: 1 }]);
 * // a.png/wet, a.png/dry, b.png/wet, b.png/dry
 */
export function expandBatch(rows: readonly BatchRow[]): BatchJob[] {
  const total = rows.reduce((sum, row) => sum + batchRowSize(row), 0);
  if (total > expansionCeiling) {
    throw new PipelineError(`Batch expands to ${total} jobs, above ${expansionCeiling}`, {
      field: "batch",
      jobs: total,
    });
  }
  return rows.flatMap((row, index) => expandRow(row, index + 1));
}

function expandRow(row: BatchRow, rowNumber: number): BatchJob[] {
  let combos: Record<string, string>[] = [{}];
  for (const { keys, size } of groupsOf(row)) {
    const next: Record<string, string>[] = [];
    for (const combo of combos) {
      for (let i = 0; i < size; i++) {
        const added = Object.fromEntries(
          keys.map((key) => [key, (key === "scene" ? row.scene[i] : row.fields[key]?.[i]) as string]),
        );
        next.push({ ...combo, ...added });
      }
    }
    combos = next;
  }
  const overrides = {
    ...(row.stage ? { stage: row.stage } : {}),
    ...(row.time ? { time: row.time } : {}),
    ...(row.weather ? { weather: row.weather } : {}),
  };
  return combos.flatMap(({ scene, ...fields }) =>
    Array.from({ length: row.repeat }, () => ({ scene: scene as string, fields, ...overrides, batch_row: rowNumber })),
  );
}
