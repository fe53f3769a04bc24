import type { ContractValidator } from "@kroma/contract";
import type { ProjectRecord, ProjectRepository } from "../features/projects/repository.js";
import type { StorageRepository } from "../features/projects/storage-repository.js";
import type { AuditEntry } from "./audit.js";
import type { KromaDb } from "./db/database.js";
import type { LeaseRepository } from "./db/lease-repository.js";
import { notFound } from "./errors.js";
import { normalizeSlug } from "./slug.js";

/** What the project-scoped route modules need. */
export interface ProjectDeps {
  projects: ProjectRepository;
  storage: StorageRepository;
  /** Directory relative storage paths resolve against. */
  appRoot: string;
}

/** What the project content route modules need: they build their repositories from `db`. */
export interface ContentDeps extends ProjectDeps {
  db: KromaDb;
  /** The app's spec validator, for payloads nested inside requests (e.g. an assistant's reply). */
  validator: ContractValidator;
  /** The secrets master key, when configured (`KROMA_MASTER_KEY`). */
  masterKey?: string;
  /** The master key file used otherwise (created with mode 0600 on first use). */
  masterKeyFile: string;
  /** This server's leases on its work in progress (exports, runs). */
  leases: LeaseRepository;
}

/** The project a `{slug}` path parameter names (normalised like a slug), or a 404. */
export async function requireProject(deps: ProjectDeps, rawSlug: string): Promise<ProjectRecord> {
  const slug = normalizeSlug(rawSlug);
  const project = slug === undefined ? undefined : await deps.projects.findBySlug(slug);
  if (!project) throw projectNotFound(rawSlug);
  return project;
}

export const projectNotFound = (rawSlug: string) => notFound(`Project '${rawSlug}' not found`);

/** The audit entry of a write to one of a project's records: action `<targetType>.<verb>`. */
export function auditEntry(
  projectId: string,
  targetType: string,
  verb: string,
  targetId: string,
  detail: Record<string, unknown> = {},
): AuditEntry {
  return { action: `${targetType}.${verb}`, projectId, targetType, targetId, detail };
}

/**
 * `value`, or throws `missing()`. Inside an audited write the throw rolls the transaction back, so a
 * write that found nothing to change leaves no audit event.
 */
export function foundOr<T>(value: T | undefined, missing: () => Error): T {
  if (value === undefined) throw missing();
  return value;
}
