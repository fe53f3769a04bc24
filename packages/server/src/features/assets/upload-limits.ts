/** How large an uploaded image may be: its body in bytes, and its decoded size in pixels. */
export interface UploadLimits {
  /** Largest body (`KROMA_UPLOAD_MAX_BYTES`), checked while it streams in: 413 `payload_too_large`. */
  maxBytes: number;
  /** Most pixels (width x height, `KROMA_UPLOAD_MAX_PIXELS`), checked before decoding: 422 `image_too_large`. */
  maxPixels: number;
}

export const defaultUploadLimits: UploadLimits = { maxBytes: 50 * 1024 * 1024, maxPixels: 100_000_000 };
