import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  decryptValue,
  deriveMasterKey,
  encryptValue,
  parseKeyText,
  readOrCreateKeyFile,
  SecretDecryptionError,
  SecretKeyring,
  secretHint,
  unwrapDataKey,
  wrapDataKey,
} from "./crypto.js";

const dir = mkdtempSync(join(tmpdir(), "kroma-secret-crypto-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const identity = { project_id: "p1", provider_code: "openai", secret_name: "api_key" };

describe("master key", () => {
  it("accepts 64 hex characters or base64 of 32 bytes as the key itself", async () => {
    const key = randomBytes(32);
    expect(parseKeyText(key.toString("hex"))).toEqual(key);
    expect(parseKeyText(key.toString("base64"))).toEqual(key);
    expect(await deriveMasterKey(key.toString("hex"))).toEqual(key);
    expect(await deriveMasterKey(key.toString("base64"))).toEqual(key);
    expect(parseKeyText(randomBytes(16).toString("base64"))).toBeUndefined();
    expect(parseKeyText("not a key")).toBeUndefined();
  });

  it("derives a stable 32-byte key from any other text", async () => {
    const first = await deriveMasterKey("correct horse battery staple");
    expect(first).toHaveLength(32);
    expect(await deriveMasterKey("correct horse battery staple")).toEqual(first);
    expect(await deriveMasterKey("correct horse battery stapler")).not.toEqual(first);
  });

  it("creates the key file (and its directories) with mode 0600 only on first use, then reuses it", async () => {
    const path = join(dir, "nested/deeper/master.key");
    const keyring = new SecretKeyring({ masterKeyFile: path });
    expect(existsSync(path)).toBe(false);
    const key = await keyring.masterKey();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(parseKeyText(readFileSync(path, "utf8").trim())).toEqual(key);
    expect(await readOrCreateKeyFile(path)).toEqual(key);
  });

  it("uses a key file another process created instead of replacing it", async () => {
    const path = join(dir, "theirs.key");
    const theirs = randomBytes(32);
    writeFileSync(path, theirs.toString("base64"));
    expect(await readOrCreateKeyFile(path)).toEqual(theirs);
    expect(readFileSync(path, "utf8")).toBe(theirs.toString("base64"));
  });

  it("refuses a key file that does not hold a key", async () => {
    const path = join(dir, "bad.key");
    writeFileSync(path, "hello");
    await expect(readOrCreateKeyFile(path)).rejects.toThrow(/does not hold a 32-byte key/);
  });
});

describe("data keys and values", () => {
  it("wraps data keys so only the right master key and key id unwrap them", () => {
    const master = randomBytes(32);
    const dataKey = randomBytes(32);
    const wrapped = wrapDataKey(master, "key_a", dataKey);
    expect(unwrapDataKey(master, "key_a", wrapped)).toEqual(dataKey);
    expect(() => unwrapDataKey(randomBytes(32), "key_a", wrapped)).toThrow();
    expect(() => unwrapDataKey(master, "key_b", wrapped)).toThrow();
  });

  it("encrypts with a fresh nonce each time and decrypts to the exact value", () => {
    const key = randomBytes(32);
    const value = "  sk-exact value, spaces kept ✓ ";
    const first = encryptValue(key, identity, value);
    const second = encryptValue(key, identity, value);
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(Buffer.from(first.nonce, "base64")).toHaveLength(12);
    expect(decryptValue(key, identity, first)).toBe(value);
    expect(decryptValue(key, identity, second)).toBe(value);
  });

  it("fails rather than return garbage: wrong key, another record, tampered bytes", () => {
    const key = randomBytes(32);
    const sealed = encryptValue(key, identity, "sk-secret-value-1234");
    const tampered = Buffer.from(sealed.ciphertext, "base64");
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    for (const attempt of [
      () => decryptValue(randomBytes(32), identity, sealed),
      () => decryptValue(key, { ...identity, secret_name: "other" }, sealed),
      () => decryptValue(key, { ...identity, project_id: "p2" }, sealed),
      () => decryptValue(key, identity, { ...sealed, ciphertext: tampered.toString("base64") }),
    ]) {
      expect(attempt).toThrow(SecretDecryptionError);
      expect(attempt).toThrow(/^Secret 'openai\/\w+' could not be decrypted$/);
    }
  });
});

describe("secretHint", () => {
  it("masks every length, never showing the whole value", () => {
    expect(secretHint("sk-abcdefgha1b2")).toBe("sk-…a1b2");
    expect(secretHint("abcdefghijkl")).toBe("abc…ijkl");
    expect(secretHint("abcdefghijk")).toBe("…jk");
    expect(secretHint("abcdef")).toBe("…ef");
    expect(secretHint("abcde")).toBe("••••");
    expect(secretHint("x")).toBe("••••");
  });
});
