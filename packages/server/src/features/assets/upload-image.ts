import sharp from "sharp";
import { ApiError } from "../../core/errors.js";

/** The image formats an upload may be, by sharp's name for them. */
const formats = {
  png: { mimeType: "image/png", ext: "png", label: "PNG" },
  jpeg: { mimeType: "image/jpeg", ext: "jpg", label: "JPEG" },
  webp: { mimeType: "image/webp", ext: "webp", label: "WebP" },
} as const;

export interface UploadedImage {
  mimeType: string;
  /** The stored file's extension, from the real format. */
  ext: string;
  width: number;
  height: number;
}

const notAnImage = (message: string) => new ApiError("validation", "unsupported_media_type", message);
const invalidImage = () =>
  new ApiError("validation", "invalid_image", "The image cannot be decoded: it is truncated or corrupt");
const tooLarge = (width: number, height: number, maxPixels: number) =>
  new ApiError(
    "validation",
    "image_too_large",
    `The image is ${width} x ${height} pixels, more than the ${maxPixels} pixels an upload may have`,
    { width, height, max_pixels: maxPixels },
  );

/**
 * What the file at `path` really is, judged by its bytes (never by the name or declared type):
 * a PNG, JPEG or WebP within `maxPixels` that decodes whole. The header is read first, so a pixel
 * bomb (a few bytes claiming gigapixels) is refused before any decoding; the full decode then
 * runs under sharp's own pixel limit too. sharp's messages are not passed on: they may name the
 * temporary file.
 */
export async function inspectUpload(
  path: string,
  declaredType: string | null,
  maxPixels: number,
): Promise<UploadedImage> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (error) {
    if (/unsupported image format/i.test((error as Error).message)) {
      throw notAnImage("The upload is not an image: send a PNG, JPEG or WebP file");
    }
    throw invalidImage();
  }
  const format = formats[metadata.format as keyof typeof formats];
  if (!format) throw notAnImage(`The upload is a ${metadata.format} image: only PNG, JPEG and WebP are accepted`);
  if (declaredType !== null && declaredType !== format.mimeType) {
    throw notAnImage(`The upload is a ${format.label} image but was sent as ${declaredType.slice(0, 100)}`);
  }
  const { width = 0, height = 0 } = metadata;
  if (width * height > maxPixels) throw tooLarge(width, height, maxPixels);
  try {
    // `stats` reads every pixel (a truncated file fails here) without keeping the decoded image.
    await sharp(path, { limitInputPixels: maxPixels, failOn: "warning", sequentialRead: true }).stats();
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) throw tooLarge(width, height, maxPixels);
    throw invalidImage();
  }
  return { mimeType: format.mimeType, ext: format.ext, width, height };
}
