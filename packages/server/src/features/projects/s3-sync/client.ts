import { S3Client } from "@aws-sdk/client-s3";
import { fromIni } from "@aws-sdk/credential-provider-ini";
import type { Kysely } from "kysely";
import type { Database, ProjectStorageRow } from "../../../core/db/schema.js";
import { validationError } from "../../../core/errors.js";
import { trimChar } from "../../../core/trim.js";
import type { MasterKeySource } from "../../secrets/crypto.js";
import { resolveProjectSecret } from "../../secrets/repository.js";
import { mayUseServerCredentials, parseTrustedEndpoints, trustedEndpointsSetting } from "./trusted-endpoints.js";

/** Where a project's objects go: its S3 settings, and the key prefix `<prefix>/<slug>/`. */
export interface S3Target {
  bucket: string;
  region: string;
  /** "" for AWS itself. */
  endpointUrl: string;
  profile: string;
  /** Every object key of the project starts with this (`kroma-projects/demo/`). */
  keyPrefix: string;
}

/** Static keys, or a profile of the AWS shared config files. Never logged, never returned. */
export type S3Credentials =
  | { source: "project_secrets" | "environment"; accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  | { source: "profile"; profile: string };

/**
 * The project's S3 target from its stored storage settings. Refuses (400) a project without a
 * bucket, or whose sync is not enabled.
 *
 * @example
 * s3TargetOf(storageRow, "demo"); // { bucket: "b", keyPrefix: "kroma-projects/demo/", ... }
 */
export function s3TargetOf(storage: ProjectStorageRow, slug: string): S3Target {
  if (storage.s3_enabled !== 1) {
    throw validationError(
      `S3 sync is not enabled for project '${slug}': PUT /api/projects/${slug}/storage/s3 with {"enabled": true}`,
      { field: "s3.enabled" },
    );
  }
  if (storage.s3_bucket.trim() === "") {
    throw validationError(`Project '${slug}' has no S3 bucket: set one with PUT /api/projects/${slug}/storage/s3`, {
      field: "s3.bucket",
    });
  }
  const prefix = trimChar(storage.s3_prefix.trim(), "/");
  return {
    bucket: storage.s3_bucket.trim(),
    region: storage.s3_region.trim(),
    endpointUrl: storage.s3_endpoint_url.trim(),
    profile: storage.s3_profile.trim(),
    keyPrefix: prefix === "" ? `${slug}/` : `${prefix}/${slug}/`,
  };
}

/**
 * The credentials a sync uses, first found wins: the project's secrets `aws/access_key_id` and
 * `aws/secret_access_key` (with `aws/session_token` when set), then `AWS_ACCESS_KEY_ID` and
 * `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`) in `env`, then the stored profile. Without
 * any it refuses (400) rather than let the SDK probe further (instance metadata and the like).
 * The server's own credentials (environment, profile) go only to AWS itself or to an endpoint
 * listed in `KROMA_S3_TRUSTED_ENDPOINTS` (read from `env`): a project whose `endpoint_url` is
 * elsewhere must bring its own secrets, or the sync is refused (400) before any request is sent.
 *
 * @example
 * const credentials = await resolveS3Credentials(db, keys, projectId, target, process.env);
 */
export async function resolveS3Credentials(
  db: Kysely<Database>,
  keys: MasterKeySource,
  projectId: string,
  target: S3Target,
  env: NodeJS.ProcessEnv,
): Promise<S3Credentials> {
  const secret = (name: string) => resolveProjectSecret(db, keys, projectId, "aws", name);
  const [accessKeyId, secretAccessKey] = [await secret("access_key_id"), await secret("secret_access_key")];
  if (accessKeyId && secretAccessKey) {
    const sessionToken = await secret("session_token");
    return { source: "project_secrets", accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  }
  const server = serverCredentials(target, env);
  if (!server) {
    throw validationError(
      "No S3 credentials: store the project secrets aws/access_key_id and aws/secret_access_key, " +
        "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or set the project's S3 profile",
      { field: "credentials" },
    );
  }
  if (!mayUseServerCredentials(target.endpointUrl, parseTrustedEndpoints(env[trustedEndpointsSetting]))) {
    throw validationError(
      `The project's S3 endpoint_url ${target.endpointUrl} is not AWS nor listed in ${trustedEndpointsSetting}, ` +
        "so the server's own credentials are never sent there: store the project secrets aws/access_key_id and " +
        `aws/secret_access_key for that endpoint, or ask the operator to add it to ${trustedEndpointsSetting}`,
      { field: "s3.endpoint_url" },
    );
  }
  return server;
}

/** The server's own credentials: `AWS_*` in `env`, else the project's stored profile name. */
function serverCredentials(target: S3Target, env: NodeJS.ProcessEnv): S3Credentials | undefined {
  const envKey = env.AWS_ACCESS_KEY_ID?.trim();
  const envSecret = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (envKey && envSecret) {
    const sessionToken = env.AWS_SESSION_TOKEN?.trim();
    return {
      source: "environment",
      accessKeyId: envKey,
      secretAccessKey: envSecret,
      ...(sessionToken ? { sessionToken } : {}),
    };
  }
  return target.profile ? { source: "profile", profile: target.profile } : undefined;
}

export interface S3ClientOptions {
  /** Attempts per request, retries included (the SDK's standard retry strategy). Default 3. */
  maxAttempts?: number;
  /** Give up connecting after this long. Default 10 s. */
  connectionTimeoutMs?: number;
  /** Give up on a request without an answer after this long. Default 5 min. */
  requestTimeoutMs?: number;
}

/**
 * An S3 client for the target: path-style addressing when an endpoint URL is set (S3-compatible
 * servers rarely serve bucket subdomains), which also only gets checksums where S3 requires them.
 *
 * @example
 * const client = createS3Client(target, credentials);
 */
export function createS3Client(target: S3Target, credentials: S3Credentials, options: S3ClientOptions = {}): S3Client {
  const compatible = target.endpointUrl !== "";
  return new S3Client({
    region: target.region || "us-east-1",
    ...(compatible
      ? {
          endpoint: target.endpointUrl,
          forcePathStyle: true,
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
        }
      : {}),
    ...(credentials.source === "profile"
      ? // Only the shared config files: never the SDK's whole chain, which ends by probing instance metadata.
        { credentials: fromIni({ profile: credentials.profile }) }
      : {
          credentials: {
            accessKeyId: credentials.accessKeyId,
            secretAccessKey: credentials.secretAccessKey,
            ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
          },
        }),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 300_000,
    },
  });
}
