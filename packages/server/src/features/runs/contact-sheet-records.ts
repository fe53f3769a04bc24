import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { ApiError } from "../../core/errors.js";
import { type AssetFileRecord, type AssetFileVerifier, readRange } from "../assets/asset-file.js";
import { type Grade, maxSheetColumns, type SheetTile, type TilePicture } from "./contact-sheet.js";
import type { RunCandidateRecord, RunJobRecord } from "./repository.js";

/** Largest image file a tile reads: a sheet must not pull a huge file into memory for 240 pixels. */
export const maxTileFileBytes = 64 * 1024 * 1024;

/** What a tile says instead of its picture when its file cannot be shown, by the file route's error code. */
const notes: Record<string, string> = {
  asset_file_changed: "file changed",
  asset_file_missing: "file missing",
  asset_unverifiable: "unverifiable",
  asset_file_outside_root: "outside root",
  image_too_large: "too large",
};

export interface SheetSource {
  db: Kysely<Database>;
  verifier: AssetFileVerifier;
  projectId: string;
  root: string;
  runId: string;
}

/** The sheet's width in tiles: the highest candidate index of any job of the run (1 to 6). */
export function sheetColumns(jobs: readonly RunJobRecord[]): number {
  const highest = Math.max(1, ...jobs.flatMap((job) => job.candidates.map((c) => c.candidate_index)));
  return Math.min(highest, maxSheetColumns);
}

/**
 * One row of tiles per job: candidate `k` in column `k`, with its own image (the asset whose
 * `candidate_id` is the candidate, kind `candidate`, else `final`), its guard grade and whether
 * the job chose it. A gap in the indexes stays a gap (undefined) so columns line up.
 */
export async function sheetRows(source: SheetSource, jobs: readonly RunJobRecord[], columns: number) {
  const candidateIds = jobs.flatMap((job) => job.candidates.map((c) => c.id));
  const [images, grades] = await Promise.all([imagesOf(source, candidateIds), gradesOf(source, candidateIds)]);
  return jobs.map((job) => {
    const row: (SheetTile | undefined)[] = new Array(columns).fill(undefined);
    for (const candidate of job.candidates) {
      if (candidate.candidate_index < 1 || candidate.candidate_index > columns) continue;
      row[candidate.candidate_index - 1] = {
        jobKey: job.job_key,
        candidateIndex: candidate.candidate_index,
        grade: grades.get(candidate.id) ?? null,
        chosen: job.selected_candidate_index === candidate.candidate_index,
        picture: pictureOf(source, candidate, images.get(candidate.id)),
      };
    }
    return row;
  });
}

function pictureOf(source: SheetSource, candidate: RunCandidateRecord, asset: AssetFileRecord | undefined) {
  return async (): Promise<TilePicture> => {
    if (!asset) return { note: candidate.status === "generated" ? "no file" : candidate.status };
    try {
      return { bytes: await readVerified(source, asset) };
    } catch (error) {
      const note = error instanceof ApiError ? notes[error.code] : undefined;
      if (note) return { note };
      throw error;
    }
  };
}

/**
 * The asset's bytes, proven to be the recorded ones: opened and checked as `GET /assets/{id}/file`
 * does (inside the root, no symlink, sha256), then hashed again as read, since the file may be
 * rewritten between the check and the read.
 */
async function readVerified(source: SheetSource, asset: AssetFileRecord): Promise<Buffer> {
  const file = await source.verifier.open(source.root, asset);
  try {
    if (file.size > maxTileFileBytes) {
      throw new ApiError("validation", "image_too_large", `The asset's file '${file.relPath}' is too large to draw`);
    }
    const chunks: Buffer[] = [];
    const hash = createHash("sha256");
    if (file.size > 0) {
      await readRange(file.handle, 0, file.size - 1, (chunk) => {
        chunks.push(Buffer.from(chunk));
        hash.update(chunk);
      });
    }
    if (hash.digest("hex") !== file.sha256) {
      throw new ApiError(
        "validation",
        "asset_file_changed",
        `The asset's file '${file.relPath}' changed while it was read`,
      );
    }
    return Buffer.concat(chunks);
  } finally {
    await file.handle.close();
  }
}

/** Per candidate, its own image's record: kind `candidate` first, else `final` (an older log's copy). */
async function imagesOf(source: SheetSource, candidateIds: string[]): Promise<Map<string, AssetFileRecord>> {
  const rows = await chunked(candidateIds, (ids) =>
    source.db
      .selectFrom("assets")
      .select(["id", "rel_path", "sha256", "candidate_id", "asset_kind"])
      .where("project_id", "=", source.projectId)
      .where("run_id", "=", source.runId)
      .where("candidate_id", "in", ids)
      .where("asset_kind", "in", ["candidate", "final"])
      .orderBy("asset_kind")
      .orderBy("id")
      .execute(),
  );
  const byCandidate = new Map<string, AssetFileRecord>();
  for (const row of rows) {
    // Ordered by kind, so `candidate` comes before `final` and is kept.
    if (row.candidate_id && !byCandidate.has(row.candidate_id)) byCandidate.set(row.candidate_id, row);
  }
  return byCandidate;
}

/** Per candidate, the output guard's grade of the file it checked (the candidate's own, or its post-processed one). */
async function gradesOf(source: SheetSource, candidateIds: string[]): Promise<Map<string, Grade>> {
  const rows = await chunked(candidateIds, (ids) =>
    source.db
      .selectFrom("quality_reports")
      .innerJoin("assets", "assets.id", "quality_reports.asset_id")
      .select(["assets.candidate_id", "quality_reports.grade"])
      .where("quality_reports.project_id", "=", source.projectId)
      .where("quality_reports.run_id", "=", source.runId)
      .where("quality_reports.report_type", "=", "output_guard")
      .where("assets.candidate_id", "in", ids)
      .execute(),
  );
  return new Map(rows.flatMap((row) => (row.candidate_id ? [[row.candidate_id, row.grade] as const] : [])));
}

/** SQLite limits the values one statement binds: at most 500 ids a query. */
async function chunked<R>(ids: string[], query: (ids: string[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await query(ids.slice(i, i + 500))));
  return rows;
}
