import { conflict, validationError } from "./errors.js";

/** Trimmed text of a required field; blank is "required", as the seed said it. */
export function requiredText(field: string, value: string | undefined): string {
  const text = value?.trim() ?? "";
  if (text === "") throw validationError(`Field '${field}' is required`, { field });
  return text;
}

/** A required field kept exactly as given, but refused when blank. */
export function requireNotBlank(field: string, value: string | undefined): string {
  requiredText(field, value);
  return value as string;
}

/** Updates need at least one known field: `Provide at least one of: name, template_text`. */
export function requireSomeField(body: object, fields: readonly string[]): void {
  const given = body as Record<string, unknown>;
  if (!fields.some((field) => given[field] !== undefined)) {
    throw validationError(`Provide at least one of: ${fields.join(", ")}`, { fields });
  }
}

/** JSON values are stored as text and returned as JSON. */
export const toJsonText = (value: unknown): string => JSON.stringify(value ?? null);
export const fromJsonText = <T = unknown>(text: string | null): T => (text === null ? null : JSON.parse(text)) as T;

/**
 * Runs a write and turns a unique-constraint violation (SQLite or PostgreSQL) into a 409 with
 * `message`, so "name already taken" is decided by the database, race-free.
 */
export async function uniquely<T>(write: () => Promise<T>, message: string, details?: unknown): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505") {
      throw conflict(message, details);
    }
    throw error;
  }
}

/** True for an absolute http: or https: URL. */
export function isHttpUrl(text: string): boolean {
  return /^https?:$/.test(URL.parse(text)?.protocol ?? "");
}
