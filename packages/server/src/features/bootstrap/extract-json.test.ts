import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balancedBraces, extractJsonObject, jsonFenceBody } from "./extract-json.js";

describe("extractJsonObject", () => {
  it("prefers a ```json fenced block over other objects in the text", () => {
    const text = 'Before {"a": 1}\n```json\n{"b": 2}\n```\nafter {"c": 3}';
    expect(extractJsonObject(text)).toEqual({ ok: true, value: { b: 2 } });
  });

  it("accepts JSON, jsonc and CRLF fences, and ``` inside a JSON string", () => {
    expect(extractJsonObject('```JSON\r\n{"b": 2}\r\n```')).toEqual({ ok: true, value: { b: 2 } });
    expect(extractJsonObject('```jsonc\n{"b": 2}\n```')).toEqual({ ok: true, value: { b: 2 } });
    const fenceInString = `\`\`\`json\n${JSON.stringify({ t: "use ```code``` here" })}\n\`\`\``;
    expect(extractJsonObject(fenceInString)).toEqual({ ok: true, value: { t: "use ```code``` here" } });
  });

  it("takes the first balanced object when there is no json fence", () => {
    expect(extractJsonObject('Here: {"a": {"b": [1, 2]}} and {"c": 3}')).toEqual({
      ok: true,
      value: { a: { b: [1, 2] } },
    });
    expect(extractJsonObject('```\n{"plain": "fence"}\n```')).toEqual({ ok: true, value: { plain: "fence" } });
  });

  it("skips braces in prose that are not JSON, and empty objects before a real one", () => {
    expect(extractJsonObject('Use {subject} or {} here: {"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJsonObject("Only {} here")).toEqual({ ok: true, value: {} });
  });

  it("ignores braces and quotes inside JSON strings", () => {
    const value = { text: 'a } b { c "quoted" \\ end' };
    expect(extractJsonObject(`x ${JSON.stringify(value)} y`)).toEqual({ ok: true, value });
  });

  it("finds an object inside an opening brace that is never closed", () => {
    expect(extractJsonObject('Note { this is open: {"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("explains why nothing could be taken", () => {
    expect(extractJsonObject("no json here")).toEqual({ ok: false, problem: "holds no JSON object" });
    expect(extractJsonObject("")).toEqual({ ok: false, problem: "holds no JSON object" });
    expect(extractJsonObject("```json\n[1]\n```")).toEqual({ ok: false, problem: "must hold a JSON object" });
    const broken = extractJsonObject('```json\n{"a": 1,}\n```');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problem).toMatch(/^holds invalid JSON \(/);
    // Without a fence, the longest candidate's fault is the one reported.
    const unfenced = extractJsonObject('{x} then {"a": 1, "b": [2,]}');
    expect(!unfenced.ok && unfenced.problem).toMatch(/^holds invalid JSON/);
  });
});

describe("balancedBraces", () => {
  it("returns outermost balanced spans in order", () => {
    expect(balancedBraces("a {b {c}} d {e} }{ {f")).toEqual(["{b {c}}", "{e}"]);
  });

  it("costs one step per character on pathological input (tests/security/redos.test.ts proves the scaling)", () => {
    const steps = { count: 0 };
    expect(balancedBraces("{".repeat(200_000), steps)).toEqual([]);
    expect(steps.count).toBe(200_000);
  });
});

describe("jsonFenceBody", () => {
  // The regex the fence search replaced: same answers, but quadratic on many openers.
  const oldFence = /```[ \t]*json[^\n]*\r?\n([\s\S]*?)\r?\n[ \t]*```/i;
  const pieces = ["```", "`", "json", "JSON", "jsonc", "Json", "\n", "\r\n", "\r", " ", "\t", "x", "{}", '"'];

  it("finds exactly what the old regex found, on any mix of fences, line ends and blanks", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(jsonFenceBody(text)).toBe(oldFence.exec(text)?.[1]);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps the fence rules: blanks before json, text after it, CRLF, an empty block", () => {
    expect(jsonFenceBody("``` \tjson please\n{}\n  ```")).toBe("{}");
    expect(jsonFenceBody("```json\r\n{}\r\n```")).toBe("{}");
    expect(jsonFenceBody("```json\n\n```")).toBe("");
    expect(jsonFenceBody("```json\n```")).toBeUndefined();
    expect(jsonFenceBody("````json\n{}\n```")).toBe("{}");
    expect(jsonFenceBody("```python\nx\n```\n```json\n{}\n```")).toBe("{}");
  });
});
