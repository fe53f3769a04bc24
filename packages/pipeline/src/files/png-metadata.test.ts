import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { embedPngText, isPng, readPngText, readPngTextMap } from "./png-metadata.js";

let png: Buffer;
beforeAll(async () => {
  png = await sharp({ create: { width: 5, height: 3, channels: 3, background: { r: 10, g: 200, b: 30 } } })
    .png()
    .toBuffer();
});

/** The chunk types of a PNG, in order. */
function chunkTypes(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    types.push(bytes.toString("latin1", offset + 4, offset + 8));
    offset += length + 12;
  }
  return types;
}

describe("embedPngText", () => {
  it("adds ASCII text as tEXt and UTF-8 text as iTXt, right after IHDR", () => {
    const tagged = embedPngText(png, [
      { keyword: "kroma:run_id", text: "run_20250102T030405Z_a1b2c3" },
      { keyword: "Description", text: "Ink wash — café at night, 雨" },
    ]);
    expect(readPngText(tagged)).toEqual([
      { type: "tEXt", keyword: "kroma:run_id", text: "run_20250102T030405Z_a1b2c3" },
      { type: "iTXt", keyword: "Description", text: "Ink wash — café at night, 雨" },
    ]);
    expect(chunkTypes(tagged).slice(0, 3)).toEqual(["IHDR", "tEXt", "iTXt"]);
    expect(chunkTypes(tagged).at(-1)).toBe("IEND");
  });

  it("leaves the pixels alone and stays a PNG that decoders accept", async () => {
    const tagged = embedPngText(png, [{ keyword: "kroma:job_id", text: "style_1_alley" }]);
    const before = await sharp(png).raw().toBuffer();
    const after = await sharp(tagged).raw().toBuffer();
    expect(after.equals(before)).toBe(true);
    expect(isPng(tagged)).toBe(true);
  });

  it("replaces an existing chunk with the same keyword instead of adding a second", () => {
    const once = embedPngText(png, [{ keyword: "kroma:candidate", text: "1" }]);
    const twice = embedPngText(once, [{ keyword: "kroma:candidate", text: "2" }]);
    expect(readPngText(twice)).toEqual([{ type: "tEXt", keyword: "kroma:candidate", text: "2" }]);
  });

  it("refuses a bad keyword, NUL in text, and bytes that are not a PNG", () => {
    expect(() => embedPngText(png, [{ keyword: "", text: "x" }])).toThrow("Invalid PNG text keyword ''");
    expect(() => embedPngText(png, [{ keyword: "a".repeat(80), text: "x" }])).toThrow("Invalid PNG text keyword");
    expect(() => embedPngText(png, [{ keyword: " lead", text: "x" }])).toThrow("Invalid PNG text keyword ' lead'");
    expect(() => embedPngText(png, [{ keyword: "k", text: "a\0b" }])).toThrow("must not contain NUL");
    expect(() => embedPngText(Buffer.from("GIF89a......"), [])).toThrow("Not a PNG file (bad signature)");
    expect(() => embedPngText(png.subarray(0, 20), [])).toThrow("Truncated PNG chunk 'IHDR'");
  });
});

describe("readPngText", () => {
  it("detects a corrupted text chunk by its CRC", () => {
    const tagged = embedPngText(png, [{ keyword: "kroma:job_id", text: "style_1_alley" }]);
    const broken = Buffer.from(tagged);
    broken.writeUInt8((broken[33 + 8 + 3] as number) ^ 0xff, 33 + 8 + 3); // a byte inside the tEXt data (IHDR ends at byte 33)
    expect(() => readPngText(broken)).toThrow("Bad CRC in PNG chunk 'tEXt' at byte 33");
  });

  it("reads zTXt and compressed iTXt written by other tools", () => {
    // Chunks framed by hand (length, type, data, CRC) and spliced in after IHDR.
    const frame = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, "latin1");
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(data, crc32(Buffer.from(type, "latin1"))) >>> 0, 0);
      return Buffer.concat([head, data, crc]);
    };
    const ztxt = frame("zTXt", Buffer.concat([Buffer.from("Comment\0\0", "latin1"), deflateSync("zipped latin-1")]));
    const itxt = frame(
      "iTXt",
      Buffer.concat([
        Buffer.from("parameters\0\x01\x00en\0Parameter\0", "latin1"),
        deflateSync(Buffer.from("ünïcode", "utf8")),
      ]),
    );
    const spliced = Buffer.concat([png.subarray(0, 33), ztxt, itxt, png.subarray(33)]);
    expect(readPngTextMap(spliced)).toEqual({ Comment: "zipped latin-1", parameters: "ünïcode" });
  });
});
