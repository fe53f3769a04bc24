import { createCipheriv, createDecipheriv, randomBytes, scrypt } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Envelope encryption for project secrets: a master key (configured, or a key file) wraps random
 * data keys, and a data key encrypts secret values. All encryption is AES-256-GCM with a fresh
 * random 12-byte nonce, so tampering, a wrong key or a moved ciphertext fails loudly instead of
 * decrypting to garbage.
 */

const algorithm = "aes-256-gcm";
const keyBytes = 32;
const nonceBytes = 12;
const tagBytes = 16;

/** Where the master key comes from: `masterKey` when configured, else the key file. */
export interface MasterKeySource {
  masterKey?: string | undefined;
  masterKeyFile: string;
}

/** An encrypted value as stored: base64 nonce, ciphertext and GCM auth tag. */
export interface SealedValue {
  nonce: string;
  ciphertext: string;
  auth_tag: string;
}

/** Which record a value belongs to; bound into the ciphertext so it cannot be moved to another. */
export interface SecretIdentity {
  project_id: string;
  provider_code: string;
  secret_name: string;
}

/** A value that could not be decrypted: wrong master key, tampered data or a missing data key. */
export class SecretDecryptionError extends Error {
  readonly identity: SecretIdentity;

  constructor({ project_id, provider_code, secret_name }: SecretIdentity) {
    super(`Secret '${provider_code}/${secret_name}' could not be decrypted`);
    this.name = "SecretDecryptionError";
    // Only the record's identity: the error must not carry its stored fields around.
    this.identity = { project_id, provider_code, secret_name };
  }
}

/** A 32-byte key written as 64 hex characters or as base64, or `undefined` for anything else. */
export function parseKeyText(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text, "base64");
    if (key.length === keyBytes) return key;
  }
  return undefined;
}

/**
 * The salt is fixed because the passphrase in `KROMA_MASTER_KEY` must yield the same key on every
 * start and in every process, with nothing but the passphrase as input; a random salt would have to
 * be stored beside the data it protects. scrypt's cost still makes guessing a passphrase expensive;
 * a random key (64 hex characters or base64 of 32 bytes) skips derivation and is preferred.
 */
const passphraseSalt = "kroma/secrets/master-key/v1";

/** The master key a configured value stands for: the key itself, or one derived from a passphrase. */
export function deriveMasterKey(configured: string): Promise<Buffer> {
  const key = parseKeyText(configured);
  if (key) return Promise.resolve(key);
  return new Promise((resolve, reject) =>
    scrypt(
      configured,
      passphraseSalt,
      keyBytes,
      { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    ),
  );
}

/**
 * Reads the key file, creating it (and its directories) with 32 random bytes and mode 0600 when it
 * does not exist. When another process creates it first, theirs is used.
 */
export async function readOrCreateKeyFile(path: string): Promise<Buffer> {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${randomBytes(keyBytes).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A file another process has just created may not hold its key yet.
  for (let attempt = 0; ; attempt++) {
    const text = readFileSync(path, "utf8").trim();
    if (text !== "" || attempt === 20) {
      const key = parseKeyText(text);
      if (!key) throw new Error(`Master key file ${path} does not hold a 32-byte key (base64 or 64 hex characters)`);
      return key;
    }
    await sleep(10);
  }
}

/** The master key of `source`: the configured one, or the key file's. */
export function loadMasterKey(source: MasterKeySource): Promise<Buffer> {
  return source.masterKey === undefined ? readOrCreateKeyFile(source.masterKeyFile) : deriveMasterKey(source.masterKey);
}

/** Loads the master key on first use and keeps it; a failed load is retried next time. */
export class SecretKeyring {
  #masterKey: Promise<Buffer> | undefined;

  constructor(private readonly source: MasterKeySource) {}

  masterKey(): Promise<Buffer> {
    this.#masterKey ??= loadMasterKey(this.source).catch((error: unknown) => {
      this.#masterKey = undefined;
      throw error;
    });
    return this.#masterKey;
  }
}

const keyrings = new WeakMap<MasterKeySource, SecretKeyring>();

/** One keyring per source object, so its master key is loaded (or derived) once. */
export function keyringFor(source: MasterKeySource): SecretKeyring {
  let keyring = keyrings.get(source);
  if (!keyring) {
    keyring = new SecretKeyring(source);
    keyrings.set(source, keyring);
  }
  return keyring;
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): { nonce: Buffer; ciphertext: Buffer; tag: Buffer } {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv(algorithm, key, nonce, { authTagLength: tagBytes }).setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Throws when the key, the AAD or any byte is wrong. */
function unseal(key: Buffer, nonce: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer {
  if (nonce.length !== nonceBytes || tag.length !== tagBytes) throw new Error("Malformed sealed data");
  const decipher = createDecipheriv(algorithm, key, nonce, { authTagLength: tagBytes }).setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

// Binding the key id means a wrapped key cannot be swapped into another key's row.
const dataKeyAad = (keyId: string) => Buffer.from(`kroma-data-key:${keyId}`, "utf8");

/** A new random data key. */
export const newDataKey = (): Buffer => randomBytes(keyBytes);

/** A new data key id, e.g. `key_3f2a9c01b7de`. */
export const newKeyId = (): string => `key_${randomBytes(6).toString("hex")}`;

/** The data key encrypted under the master key: base64 of nonce | tag | ciphertext. */
export function wrapDataKey(masterKey: Buffer, keyId: string, dataKey: Buffer): string {
  const { nonce, ciphertext, tag } = seal(masterKey, dataKey, dataKeyAad(keyId));
  return Buffer.concat([nonce, tag, ciphertext]).toString("base64");
}

/** The data key `wrapDataKey` wrapped; throws under a wrong master key. */
export function unwrapDataKey(masterKey: Buffer, keyId: string, wrapped: string): Buffer {
  const bytes = Buffer.from(wrapped, "base64");
  const nonce = bytes.subarray(0, nonceBytes);
  const tag = bytes.subarray(nonceBytes, nonceBytes + tagBytes);
  return unseal(masterKey, nonce, bytes.subarray(nonceBytes + tagBytes), tag, dataKeyAad(keyId));
}

const valueAad = (identity: SecretIdentity) =>
  Buffer.from(JSON.stringify([identity.project_id, identity.provider_code, identity.secret_name]), "utf8");

/** Encrypts a secret value under a data key, bound to its record. */
export function encryptValue(dataKey: Buffer, identity: SecretIdentity, value: string): SealedValue {
  const { nonce, ciphertext, tag } = seal(dataKey, Buffer.from(value, "utf8"), valueAad(identity));
  return {
    nonce: nonce.toString("base64"),
    ciphertext: ciphertext.toString("base64"),
    auth_tag: tag.toString("base64"),
  };
}

/** The value `encryptValue` sealed for this record; throws `SecretDecryptionError` otherwise. */
export function decryptValue(dataKey: Buffer, identity: SecretIdentity, sealed: SealedValue): string {
  try {
    const fromBase64 = (text: string) => Buffer.from(text, "base64");
    const plaintext = unseal(
      dataKey,
      fromBase64(sealed.nonce),
      fromBase64(sealed.ciphertext),
      fromBase64(sealed.auth_tag),
      valueAad(identity),
    );
    return plaintext.toString("utf8");
  } catch {
    throw new SecretDecryptionError(identity);
  }
}

/**
 * A masked hint that helps recognise a value without revealing it: `sk-…a1b2` (12+ characters),
 * `…b2` (6–11), `••••` (shorter).
 */
export function secretHint(value: string): string {
  const chars = [...value];
  if (chars.length >= 12) return `${chars.slice(0, 3).join("")}…${chars.slice(-4).join("")}`;
  if (chars.length >= 6) return `…${chars.slice(-2).join("")}`;
  return "••••";
}
