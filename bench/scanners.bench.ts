// Wall-clock figures for the scanners over request text, on the security review's payloads (the
// 500 KB "```json" flood, its "a```json\n" variant, the 80,000-underscore slug, deep JSON) beside
// a benign input of the same size scanned by the same function in the same run; the ratio is what
// to read (a linear scan stays near 1x, the review measured 56 s for the first payload). The
// regexes they replaced are timed on a 50 KB cut of the payload for contrast. The tests prove
// linearity by counting steps (tests/security/redos.test.ts); this only shows the time.
// BENCH_ROUNDS (default 5) tunes it.
import { exceedsJsonDepth, extractJsonObject, normalizeSlug } from "@kroma/server/scanners";

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

/** Median milliseconds of `rounds` calls. */
function median(run: () => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const sized = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const benignReply = (size: number) => {
  const object = JSON.stringify({ style_guides: [{ name: "Noir", instructions: "x".repeat(size - 120) }] });
  return `Here are the settings:\n\`\`\`json\n${object}\n\`\`\`\nEnjoy.`;
};

const cases = [
  {
    scanner: "extractJsonObject",
    payload: "500 KB of ```json openers",
    attack: sized("```json", 500_000),
    benign: benignReply(500_000),
    scan: (text: string) => extractJsonObject(text),
  },
  {
    scanner: "extractJsonObject",
    payload: '555 KB of "a```json\\n"',
    attack: sized("a```json\n", 555_000),
    benign: benignReply(555_000),
    scan: (text: string) => extractJsonObject(text),
  },
  {
    scanner: "normalizeSlug",
    payload: '"a" + 80,000 "_" + "a"',
    attack: `a${"_".repeat(80_000)}a`,
    benign: sized("My Project ", 80_002),
    scan: (text: string) => normalizeSlug(text),
  },
  {
    scanner: "exceedsJsonDepth",
    payload: "500 KB of [ (limit off)",
    attack: "[".repeat(500_000),
    benign: sized('{"a":[1,2],"b":"c"},', 500_000),
    scan: (text: string) => exceedsJsonDepth(text, Number.POSITIVE_INFINITY),
  },
];

// What the scanners replaced, for contrast only, on cuts of the payloads (the full ones take seconds to a minute).
const oldFence = /```[ \t]*json[^\n]*\r?\n([\s\S]*?)\r?\n[ \t]*```/i;
const oldTrim = /^_+|_+$/g;
const contrast = [
  { replaced: "fence regex", payload: "50 KB of ```json openers", run: () => oldFence.exec(sized("```json", 50_000)) },
  {
    replaced: "slug trim regex",
    payload: '"a" + 20,000 "_" + "a"',
    run: () => `a${"_".repeat(20_000)}a`.replace(oldTrim, ""),
  },
];

console.log(`\nScanners over request text: median of ${rounds} rounds, Node ${process.version}\n`);
console.table(
  cases.map(({ scanner, payload, attack, benign, scan }) => {
    const attackMs = median(() => scan(attack));
    const benignMs = median(() => scan(benign));
    return {
      scanner,
      payload,
      chars: attack.length,
      "payload ms": Number(attackMs.toFixed(2)),
      "benign ms (same size)": Number(benignMs.toFixed(2)),
      ratio: `${(attackMs / Math.max(benignMs, 0.001)).toFixed(1)}x`,
    };
  }),
);
console.log(
  "\nThe regexes they replaced, once each, on smaller cuts (their cost grows with the square of the input):\n",
);
console.table(
  contrast.map(({ replaced, payload, run }) => {
    const started = performance.now();
    run();
    return { replaced, payload, ms: Number((performance.now() - started).toFixed(1)) };
  }),
);
