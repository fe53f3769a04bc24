import sharp from "sharp";
import { maxThumbnailInputPixels } from "../assets/thumbnail.js";
import { escapeMarkup, type LabelImage, renderLabel, shorten } from "./sheet-labels.js";

/**
 * The contact sheet's geometry (the spec documents it): a tile is a 256 x 256 image area over a
 * 40-pixel label strip; the picture is fitted inside the image area's inner 240 x 240, which
 * leaves room for the chosen tile's 8-pixel border without covering any of the picture.
 */
export const sheetTile = {
  width: 256,
  height: 296,
  imageArea: 256,
  labelHeight: 40,
  imageBox: 240,
  border: 8,
} as const;

/** Most rows and columns one sheet draws: bounds the work (and memory) of one request. */
export const maxSheetJobs = 64;
export const maxSheetColumns = 6;

/** The chosen candidate's border, and the colour of its `chosen` label. */
export const chosenColour = { r: 255, g: 122, b: 0 } as const;
const chosenHex = "#FF7A00";
const white = { r: 255, g: 255, b: 255 };
const frameColour = { r: 214, g: 214, b: 214 };
const emptyColour = { r: 158, g: 158, b: 158 };
const inkHex = "#1A1A1A";

export type Grade = "pass" | "warn" | "fail";

/** What a tile shows: the image's bytes, or a short reason there is none (`failed`, `file changed`). */
export type TilePicture = { bytes: Buffer } | { note: string };

export interface SheetTile {
  jobKey: string;
  candidateIndex: number;
  /** The output guard's grade; null when it did not report (guard off, or no image). */
  grade: Grade | null;
  chosen: boolean;
  /** Read when the tile is drawn, so only a few files are in memory at once. */
  picture: () => Promise<TilePicture>;
}

/** Tiles drawn at once: sharp works on its own threads, a few keep both cores busy. */
const tileConcurrency = 4;

/**
 * The sheet as a PNG: one row per entry of `rows`, `columns` tiles across (a missing tile is
 * drawn blank), exactly `columns x 256` by `rows x 296` pixels.
 */
export async function drawContactSheet(
  rows: readonly (readonly (SheetTile | undefined)[])[],
  columns: number,
): Promise<Buffer> {
  const blank = await blankTile();
  const cells = rows.flatMap((row) => Array.from({ length: columns }, (_, i) => row[i]));
  const labels = new LabelCache();
  const tiles = await mapLimit(cells, tileConcurrency, async (tile) => (tile ? drawTile(tile, labels) : blank));
  // libvips joins the tiles into the grid and encodes it in strips, decoding each tile on demand.
  if (tiles.length === 1) return tiles[0] as Buffer;
  return sharp(tiles, { join: { across: columns } })
    .png()
    .toBuffer();
}

async function drawTile(tile: SheetTile, labels: LabelCache): Promise<Buffer> {
  const { width, height, imageArea, border, labelHeight } = sheetTile;
  const picture = await fitted(await tile.picture());
  const overlays: sharp.OverlayOptions[] = [...frame(tile.chosen)];
  if ("png" in picture) {
    overlays.push({
      input: picture.png,
      left: Math.floor((width - picture.width) / 2),
      top: Math.floor((imageArea - picture.height) / 2),
    });
  } else {
    overlays.push({ input: block(sheetTile.imageBox, sheetTile.imageBox, emptyColour), left: border, top: border });
    const note = await labels.get(escapeMarkup(picture.note), {
      size: 18,
      bold: true,
      colour: "#FFFFFF",
      maxWidth: 224,
    });
    overlays.push({
      input: note.png,
      left: Math.floor((width - note.width) / 2),
      top: Math.floor((imageArea - note.height) / 2),
    });
  }
  const [scene, detail] = await Promise.all([
    labels.get(escapeMarkup(shorten(tile.jobKey, 30)), { size: 13, bold: true, colour: inkHex, maxWidth: 232 }),
    labels.get(detailMarkup(tile), { size: 12, colour: inkHex, maxWidth: 232 }),
  ]);
  const strip = imageArea;
  overlays.push({ input: scene.png, left: 12, top: strip + 4 });
  overlays.push({ input: detail.png, left: 12, top: strip + Math.floor(labelHeight / 2) });
  return sharp({ create: { width, height, channels: 3, background: white } })
    .composite(overlays)
    .png({ compressionLevel: 2 })
    .toBuffer();
}

/** `c2 · guard: pass · chosen`: the candidate, the guard's grade (`-` for none), and the mark. */
function detailMarkup(tile: SheetTile): string {
  const chosen = tile.chosen ? ` · <span foreground="${chosenHex}">chosen</span>` : "";
  return `c${tile.candidateIndex} · guard: ${tile.grade ?? "-"}${chosen}`;
}

/**
 * The chosen tile's thick border round the whole tile, or a 1-pixel frame that draws the grid.
 * Drawn first: the picture sits inside the border's inner edge and is never covered by it.
 */
function frame(chosen: boolean): sharp.OverlayOptions[] {
  const { width, height } = sheetTile;
  const [size, colour] = chosen ? [sheetTile.border, chosenColour] : [1, frameColour];
  return [
    { input: block(width, size, colour), left: 0, top: 0 },
    { input: block(width, size, colour), left: 0, top: height - size },
    { input: block(size, height, colour), left: 0, top: 0 },
    { input: block(size, height, colour), left: width - size, top: 0 },
  ];
}

const block = (width: number, height: number, background: { r: number; g: number; b: number }) => ({
  create: { width, height, channels: 3 as const, background },
});

type FittedPicture = { png: Buffer; width: number; height: number } | { note: string };

/**
 * The image scaled to fit the 240 x 240 box (up or down), on white where it is transparent. An
 * image sharp cannot read, or one with more pixels than the server decodes, becomes a note.
 */
async function fitted(picture: TilePicture): Promise<FittedPicture> {
  if ("note" in picture) return picture;
  try {
    const { data, info } = await sharp(picture.bytes, { limitInputPixels: maxThumbnailInputPixels, failOn: "error" })
      .rotate()
      .resize({ width: sheetTile.imageBox, height: sheetTile.imageBox, fit: "inside" })
      .flatten({ background: white })
      .png({ compressionLevel: 2 })
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch (error) {
    return { note: /pixel limit/i.test((error as Error).message) ? "too large" : "not an image" };
  }
}

async function blankTile(): Promise<Buffer> {
  const { width, height } = sheetTile;
  return sharp({ create: { width, height, channels: 3, background: white } })
    .png()
    .toBuffer();
}

/** Labels by markup and style within one sheet: `c1 · guard: pass` is drawn once, not per row. */
class LabelCache {
  readonly #labels = new Map<string, Promise<LabelImage>>();

  get(markup: string, style: Parameters<typeof renderLabel>[1]): Promise<LabelImage> {
    const key = JSON.stringify([markup, style]);
    let label = this.#labels.get(key);
    if (!label) {
      label = renderLabel(markup, style);
      this.#labels.set(key, label);
    }
    return label;
  }
}

/** `map` over `items` with at most `limit` calls pending at once, results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await map(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
