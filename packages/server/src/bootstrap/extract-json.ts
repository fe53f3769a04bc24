export type JsonObject = Record<string, unknown>;

/** The object found in a text, or why none could be taken from it (phrased to follow "Field 'x' "). */
export type ExtractedJson = { ok: true; value: JsonObject } | { ok: false; problem: string };

// The info string may say `json`, `JSON` or `jsonc`; the closing fence must start a line, so a
// "```" inside a JSON string (which cannot hold a raw newline) never ends the block early.
const jsonFence = /```[ \t]*json[^\n]*\r?\n([\s\S]*?)\r?\n[ \t]*```/i;

/**
 * The JSON object in an assistant's reply: the first ```json fenced block when there is one,
 * otherwise the first balanced top-level `{...}` that parses as a non-empty object, so prose
 * around the object (even prose with `{placeholders}` in it) is tolerated.
 *
 * @example
 * extractJsonObject('Here you go:\n```json\n{"style_guides": []}\n```')
 * // { ok: true, value: { style_guides: [] } }
 */
export function extractJsonObject(text: string): ExtractedJson {
  const fenced = jsonFence.exec(text);
  if (fenced) return parseObject(fenced[1] ?? "");

  const spans = balancedBraces(text);
  const parsed = spans.map(parseObject);
  const objects = parsed.filter((candidate) => candidate.ok);
  const chosen = objects.find((candidate) => Object.keys(candidate.value).length > 0) ?? objects[0];
  if (chosen) return chosen;
  if (spans.length === 0) return { ok: false, problem: "holds no JSON object" };
  // The longest span is the one most likely meant as the answer; report its fault.
  return parseObject(spans.reduce((a, b) => (b.length > a.length ? b : a)));
}

function parseObject(source: string): ExtractedJson {
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
 * Every outermost `{...}` span whose braces balance, in order, in one pass (a reply of any length
 * costs linear time). Braces inside JSON strings do not count; an opening brace that is never
 * closed does not hide the balanced spans inside it.
 */
export function balancedBraces(text: string): string[] {
  const open: number[] = [];
  const spans: Array<[number, number]> = [];
  let inString = false;
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
      while (spans.length > 0 && (spans.at(-1)?.[0] ?? -1) > start) spans.pop();
      spans.push([start, i]);
    }
  }
  return spans.map(([start, end]) => text.slice(start, end + 1));
}
