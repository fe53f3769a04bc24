import { crc32, inflateSync } from "node:zlib";

/** The 8 bytes every PNG starts with. */
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One text chunk: a Latin-1 keyword (1-79 characters) and its text. */
export interface PngTextEntry {
  keyword: string;
  text: string;
}

/** A text chunk as read back, with the chunk type it was stored in. */
export interface PngTextChunk extends PngTextEntry {
  type: "tEXt" | "iTXt" | "zTXt";
}

/** One chunk's position in the file: where its length field starts and where the next chunk starts. */
interface ChunkSpan {
  type: string;
  start: number;
  dataStart: number;
  dataEnd: number;
  end: number;
}

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= pngSignature.length && pngSignature.equals(bytes.subarray(0, pngSignature.length));
}

/** Walks the chunks; a truncated chunk is an error rather than a silently shorter list. */
function listChunks(png: Buffer): ChunkSpan[] {
  if (!isPng(png)) throw new Error("Not a PNG file (bad signature)");
  const chunks: ChunkSpan[] = [];
  let offset = pngSignature.length;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw new Error(`Truncated PNG chunk at byte ${offset}`);
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    const end = dataEnd + 4;
    if (end > png.length) throw new Error(`Truncated PNG chunk '${type}' at byte ${offset}`);
    chunks.push({ type, start: offset, dataStart, dataEnd, end });
    offset = end;
    if (type === "IEND") break;
  }
  return chunks;
}

/** A chunk with its length, type, data and CRC (over type and data, as the PNG spec defines it). */
function encodeChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4, 8))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG keywords: 1-79 printable Latin-1 characters, no leading, trailing or doubled spaces. */
function checkKeyword(keyword: string): void {
  const printable = /^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword);
  if (!printable || keyword.startsWith(" ") || keyword.endsWith(" ") || keyword.includes("  ")) {
    throw new Error(`Invalid PNG text keyword '${keyword}'`);
  }
}

/**
 * The chunk for one entry: `tEXt` when the text is plain ASCII (readable by every tool), else an
 * uncompressed `iTXt` whose text is UTF-8 (tEXt is Latin-1 only, so a prompt with "é" or "—"
 * would be garbled there).
 */
function textChunk({ keyword, text }: PngTextEntry): Buffer {
  checkKeyword(keyword);
  if (text.includes("\0")) throw new Error(`PNG text for '${keyword}' must not contain NUL`);
  const key = Buffer.from(keyword, "latin1");
  const utf8 = Buffer.from(text, "utf8");
  if (utf8.every((byte) => byte < 0x80)) return encodeChunk("tEXt", Buffer.concat([key, Buffer.of(0), utf8]));
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
  return encodeChunk("iTXt", Buffer.concat([key, Buffer.of(0, 0, 0, 0, 0), utf8]));
}

/** The keyword of a text chunk's data (everything before the first NUL). */
function chunkKeyword(data: Buffer): string {
  const nul = data.indexOf(0);
  return data.toString("latin1", 0, nul === -1 ? data.length : nul);
}

const textTypes = new Set(["tEXt", "iTXt", "zTXt"]);

/**
 * Returns a copy of the PNG with the given text chunks inserted right after `IHDR`, so readers
 * that stop at the image data still see them. An existing text chunk with the same keyword is
 * dropped first, so re-embedding replaces instead of piling up duplicates. Pixels are untouched.
 *
 * @example
 * const tagged = embedPngText(png, [{ keyword: "kroma:run_id", text: "run_20250102T030405Z_a1b2c3" }]);
 */
export function embedPngText(png: Buffer, entries: readonly PngTextEntry[]): Buffer {
  const chunks = listChunks(png);
  const ihdr = chunks[0];
  if (ihdr?.type !== "IHDR") throw new Error("Not a PNG file (IHDR is not the first chunk)");
  const replaced = new Set(entries.map((entry) => entry.keyword));
  const parts: Buffer[] = [png.subarray(0, ihdr.end), ...entries.map(textChunk)];
  for (const chunk of chunks.slice(1)) {
    const data = png.subarray(chunk.dataStart, chunk.dataEnd);
    if (textTypes.has(chunk.type) && replaced.has(chunkKeyword(data))) continue;
    parts.push(png.subarray(chunk.start, chunk.end));
  }
  return Buffer.concat(parts);
}

/** Splits `data` at the NUL bytes after position `from`, `count` times. */
function splitNul(data: Buffer, from: number, count: number): { fields: string[]; rest: number } {
  const fields: string[] = [];
  let at = from;
  for (let i = 0; i < count; i++) {
    const nul = data.indexOf(0, at);
    if (nul === -1) throw new Error("Malformed PNG text chunk");
    fields.push(data.toString("utf8", at, nul));
    at = nul + 1;
  }
  return { fields, rest: at };
}

/** Decodes one text chunk's data. */
function decodeText(type: PngTextChunk["type"], data: Buffer): PngTextChunk {
  const keyword = chunkKeyword(data);
  const afterKey = keyword.length + 1;
  if (type === "tEXt") return { type, keyword, text: data.toString("latin1", afterKey) };
  if (type === "zTXt") return { type, keyword, text: inflateSync(data.subarray(afterKey + 1)).toString("latin1") };
  const compressed = data[afterKey] === 1;
  const { rest } = splitNul(data, afterKey + 2, 2); // language tag, translated keyword
  const body = data.subarray(rest);
  return { type, keyword, text: (compressed ? inflateSync(body) : body).toString("utf8") };
}

/**
 * Every text chunk (`tEXt`, `iTXt`, `zTXt`) of a PNG, in file order. Checks each text chunk's CRC,
 * so a test reading its own output also proves the chunks are valid.
 *
 * @example
 * readPngText(await readFile("outputs/style_1_alley.png"));
 * // [{ type: "tEXt", keyword: "kroma:run_id", text: "run_..." }, ...]
 */
export function readPngText(png: Buffer): PngTextChunk[] {
  const texts: PngTextChunk[] = [];
  for (const chunk of listChunks(png)) {
    if (!textTypes.has(chunk.type)) continue;
    const data = png.subarray(chunk.dataStart, chunk.dataEnd);
    const stored = png.readUInt32BE(chunk.dataEnd);
    const actual = crc32(data, crc32(png.subarray(chunk.start + 4, chunk.start + 8))) >>> 0;
    if (stored !== actual) throw new Error(`Bad CRC in PNG chunk '${chunk.type}' at byte ${chunk.start}`);
    texts.push(decodeText(chunk.type as PngTextChunk["type"], data));
  }
  return texts;
}

/**
 * The text chunks as a keyword → text map (the last chunk wins for a repeated keyword).
 *
 * @example
 * readPngTextMap(png)["kroma:job_id"]; // "style_1_alley"
 */
export function readPngTextMap(png: Buffer): Record<string, string> {
  return Object.fromEntries(readPngText(png).map((chunk) => [chunk.keyword, chunk.text]));
}
