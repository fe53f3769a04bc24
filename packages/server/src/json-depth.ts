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

const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
