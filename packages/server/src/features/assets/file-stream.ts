import { AssetFileVerifier, type VerifiedFile } from "./asset-file.js";

const chunkSize = 64 * 1024;

/**
 * Bytes `start..end` (inclusive) of a verified file as a stream, closing the file when done,
 * failed or cancelled. The file was hashed under its identity before the first byte; a write
 * during the download changes that identity, and then the last chunk is withheld and the stream
 * fails, so the client sees a short body (its Content-Length unmet) and never a complete wrong one.
 */
export function fileStream(file: VerifiedFile, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await file.handle.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const length = Math.min(chunkSize, end - position + 1);
        const chunk = new Uint8Array(length);
        const { bytesRead } = await file.handle.read(chunk, 0, length, position);
        if (bytesRead === 0) throw new Error(`The asset's file '${file.relPath}' got shorter while it was sent`);
        position += bytesRead;
        const last = position > end;
        if (last && !(await AssetFileVerifier.unchanged(file))) {
          throw new Error(`The asset's file '${file.relPath}' changed while it was sent`);
        }
        controller.enqueue(bytesRead === length ? chunk : chunk.subarray(0, bytesRead));
        if (last) {
          await close();
          controller.close();
        }
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    cancel: close,
  });
}
