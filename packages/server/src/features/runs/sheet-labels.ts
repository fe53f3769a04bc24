import { createRequire } from "node:module";
import sharp from "sharp";

// The font ships with the server (the `dejavu-fonts-ttf` package) and is handed to libvips by
// path: its text renderer (Pango through fontconfig) then needs no font installed on the machine.
// Without it, a server in a bare container would draw every letter as an empty box.
const fonts = createRequire(import.meta.url);
export const labelFontFile = fonts.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
export const labelFontBoldFile = fonts.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/** A rendered line of text: an RGBA PNG, transparent where there is no ink. */
export interface LabelImage {
  png: Buffer;
  width: number;
  height: number;
}

export interface LabelStyle {
  /** Pixels (rendered at 72 dpi, so points are pixels). */
  size: number;
  bold?: boolean;
  /** `#rrggbb` of the ink. */
  colour: string;
  /** Wider lines are cut at this width. */
  maxWidth: number;
}

/** `&`, `<`, `>` and quotes as Pango markup entities: a job key is text, never markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One line of Pango markup drawn with the shipped DejaVu Sans, cut to `maxWidth`. Control
 * characters are dropped first (a scene's file name may hold them; Pango would refuse the line).
 */
export async function renderLabel(markup: string, style: LabelStyle): Promise<LabelImage> {
  const text = `<span foreground="${style.colour}">${markup.replace(/\p{Cc}/gu, "")}</span>`;
  const bold = style.bold ?? false;
  const { data, info } = await sharp({
    text: {
      text,
      font: `DejaVu Sans${bold ? " Bold" : ""} ${style.size}`,
      fontfile: bold ? labelFontBoldFile : labelFontFile,
      rgba: true,
      dpi: 72,
      wrap: "none",
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  if (info.width <= style.maxWidth) return { png: data, width: info.width, height: info.height };
  const png = await sharp(data)
    .extract({ left: 0, top: 0, width: style.maxWidth, height: info.height })
    .png()
    .toBuffer();
  return { png, width: style.maxWidth, height: info.height };
}

/** `text` shortened to `max` characters with an ellipsis, so a long key ends visibly cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
