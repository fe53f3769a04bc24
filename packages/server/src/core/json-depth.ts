import type { ScanSteps } from "./scan-steps.js";

/**
 * How deeply objects and arrays may nest in a request body, and in JSON read out of one (the
 * object a bootstrap import extracts from `ai_response_text`). The outermost value is level 1.
 * The validators and renderers that walk stored JSON recurse once per level, so an unbounded
 * depth turns into a stack overflow (a 500) long after the record was accepted.
 */
export const maxJsonDepth = 64;

/**
 * True when JSON text nests objects or arrays deeper than `limit`. One pass over the text,
 * counting brackets outside strings, and it stops at the first level too many, so it can run
 * before `JSON.parse` on any body. It does not validate: text that is not JSON passes or fails
 * here and is refused by the parser.
 *
 * @example
 * exceedsJsonDepth('{"a": [[1]]}', 3) // false
 * exceedsJsonDepth('{"a": [[[1]]]}', 3) // true
 */
export function exceedsJsonDepth(text: string, limit = maxJsonDepth, steps?: ScanSteps): boolean {
  let depth = 0;
  let inString = false;
  let i = 0;
  try {
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (inString) {
        if (code === backslash) i++;
        else if (code === quote) inString = false;
      } else if (code === quote) {
        inString = true;
      } else if (code === openBrace || code === openBracket) {
        if (++depth > limit) return true;
      } else if (code === closeBrace || code === closeBracket) {
        // Below zero only in text that is not JSON; the parser refuses it.
        depth--;
      }
    }
    return false;
  } finally {
    if (steps) steps.count += i + 1;
  }
}

/**
 * How deeply a record's free-form JSON field (`config_json`, `metadata_json`, `content_json`,
 * `payload_json`: every request field named `*_json`) may nest. Half the body limit, so a stored
 * record always fits back into the wrappers around it: the bootstrap prompt's settings (an
 * import of them adds up to 6 levels) and a bundle's records.
 */
export const maxJsonFieldDepth = 32;

/**
 * The dotted path of a `*_json` field in a parsed value that nests deeper than `limit`
 * (`settings.provider_accounts.0.config_json`), or `undefined`. Walks without recursion, so a
 * value of any depth is safe to give it.
 *
 * @example
 * tooDeepJsonField({ config_json: { a: { b: {} } } }, 2) // "config_json"
 */
export function tooDeepJsonField(value: unknown, limit = maxJsonFieldDepth, prefix = ""): string | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: prefix }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== "object") continue;
    for (const [key, child] of Object.entries(next.value)) {
      const path = next.path === "" ? key : `${next.path}.${key}`;
      if (key.endsWith("_json")) {
        if (valueDepth(child, limit) > limit) return path;
      } else {
        pending.push({ value: child, path });
      }
    }
  }
  return undefined;
}

/** Nesting depth of a parsed value (a scalar is 0, `{}` is 1), counted up to `limit + 1` at most. */
function valueDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== "object") continue;
    const depth = next.depth + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return deepest;
}

const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/** The 400 for a `*_json` field too deep (see `tooDeepJsonField`), phrased like the other field errors. */
export function tooDeepFieldMessage(field: string): string {
  return `Field '${field}' nests objects or arrays deeper than ${maxJsonFieldDepth} levels`;
}
