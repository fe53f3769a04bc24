import { exceedsJsonDepth, maxJsonDepth } from "../../core/json-depth.js";
import { indexOfCounted, type ScanSteps } from "../../core/scan-steps.js";

export type JsonObject = Record<string, unknown>;

/** The object found in a text, or why none could be taken from it (phrased to follow "Field 'x' "). */
export type ExtractedJson = { ok: true; value: JsonObject } | { ok: false; problem: string };

/**
 * The JSON object in an assistant's reply: the first ```json fenced block when there is one,
 * otherwise the first balanced top-level `{...}` that parses as a non-empty object, so prose
 * around the object (even prose with `{placeholders}` in it) is tolerated. Linear in the text's
 * length (`steps`, when given, tallies the work); JSON nested deeper than `maxJsonDepth` is refused.
 *
 * @example
 * extractJsonObject('Here you go:\n```json\n{"style_guides": []}\n```')
 * // { ok: true, value: { style_guides: [] } }
 */
export function extractJsonObject(text: string, steps?: ScanSteps): ExtractedJson {
  const fenced = jsonFenceBody(text, steps);
  if (fenced !== undefined) return parseObject(fenced, steps);

  const spans = balancedBraces(text, steps);
  const parsed = spans.map((span) => parseObject(span, steps));
  const objects = parsed.filter((candidate) => candidate.ok);
  const chosen = objects.find((candidate) => Object.keys(candidate.value).length > 0) ?? objects[0];
  if (chosen) return chosen;
  if (spans.length === 0) return { ok: false, problem: "holds no JSON object" };
  // The longest span is the one most likely meant as the answer; report its fault.
  return parseObject(
    spans.reduce((a, b) => (b.length > a.length ? b : a)),
    steps,
  );
}

function parseObject(source: string, steps?: ScanSteps): ExtractedJson {
  if (exceedsJsonDepth(source, maxJsonDepth, steps)) {
    return { ok: false, problem: `holds JSON nested deeper than ${maxJsonDepth} levels` };
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { ok: false, problem: `holds invalid JSON (${(error as Error).message})` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, problem: "must hold a JSON object" };
  }
  return { ok: true, value: value as JsonObject };
}

/**
 * The text inside the first ```json fence, or `undefined` when there is none. The info string
 * may say `json`, `JSON` or `jsonc` (anything may follow `json` on that line); the closing fence
 * must start a line (after optional blanks), so a "```" inside a JSON string (which cannot hold a
 * raw newline) never ends the block early; CRLF line ends are fine.
 *
 * It finds what ``/```[ \t]*json[^\n]*\r?\n([\s\S]*?)\r?\n[ \t]*```/i`` finds, in one pass: that
 * regex rescans the rest of the text from every opener, which is quadratic when a reply holds
 * many openers and no closing fence. Here only the first opener followed by a line end matters:
 * every later opener's block starts at or after its block, so if that one has no closing fence,
 * none has.
 */
export function jsonFenceBody(text: string, steps?: ScanSteps): string | undefined {
  for (let at = indexOfCounted(text, "```", 0, steps); at !== -1; at = indexOfCounted(text, "```", at + 1, steps)) {
    const infoEnd = afterJsonInfo(text, at + 3, steps);
    if (infoEnd === undefined) continue;
    const lineEnd = indexOfCounted(text, "\n", infoEnd, steps);
    // No line end after this opener means none after any later opener either.
    if (lineEnd === -1) return undefined;
    return blockUntilClosingFence(text, lineEnd + 1, steps);
  }
  return undefined;
}

/** After "```": blanks, then `json` in any case; the index past it, or `undefined` when this is not a json fence. */
function afterJsonInfo(text: string, from: number, steps?: ScanSteps): number | undefined {
  let i = from;
  while (isBlank(text.charCodeAt(i))) i++;
  if (steps) steps.count += i - from + 4;
  // `| 0x20` lower-cases ASCII letters only, as the regex's `i` flag does for these letters.
  for (let k = 0; k < 4; k++) {
    if ((text.charCodeAt(i + k) | 0x20) !== "json".charCodeAt(k)) return undefined;
  }
  return i + 4;
}

/** The block from `start` up to the first line that begins with blanks and "```" (its CR excluded). */
function blockUntilClosingFence(text: string, start: number, steps?: ScanSteps): string | undefined {
  for (
    let lineEnd = indexOfCounted(text, "\n", start, steps);
    lineEnd !== -1;
    lineEnd = indexOfCounted(text, "\n", lineEnd + 1, steps)
  ) {
    let i = lineEnd + 1;
    while (isBlank(text.charCodeAt(i))) i++;
    if (steps) steps.count += i - lineEnd + 3;
    if (text.startsWith("```", i)) {
      const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
      return text.slice(start, end);
    }
  }
  return undefined;
}

const isBlank = (code: number) => code === 0x20 || code === 0x09;

/**
 * Every outermost `{...}` span whose braces balance, in order, in one pass (a reply of any length
 * costs linear time). Braces inside JSON strings do not count; an opening brace that is never
 * closed does not hide the balanced spans inside it.
 */
export function balancedBraces(text: string, steps?: ScanSteps): string[] {
  const open: number[] = [];
  const spans: Array<[number, number]> = [];
  let inString = false;
  let dropped = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"' && open.length > 0) {
      inString = true;
    } else if (char === "{") {
      open.push(i);
    } else if (char === "}" && open.length > 0) {
      const start = open.pop() as number;
      // Spans closed earlier and starting after `start` lie inside this one.
      while (spans.length > 0 && (spans.at(-1)?.[0] ?? -1) > start) {
        spans.pop();
        dropped++;
      }
      spans.push([start, i]);
    }
  }
  // Each character is looked at once and each span dropped at most once.
  if (steps) steps.count += text.length + dropped;
  return spans.map(([start, end]) => text.slice(start, end + 1));
}
