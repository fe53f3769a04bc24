import { describe, expect, it } from "vitest";
import { loadServerConfig } from "../../../core/config.js";
import { mayUseServerCredentials, parseTrustedEndpoints } from "./trusted-endpoints.js";

describe("which S3 endpoints get the server's own credentials", () => {
  const trusted = parseTrustedEndpoints(" http://127.0.0.1:9000/ ,, https://minio.example.com:443/path ");

  it("parses the setting into origins", () => {
    expect(trusted).toEqual(["http://127.0.0.1:9000", "https://minio.example.com"]);
    expect(parseTrustedEndpoints(undefined)).toEqual([]);
    expect(() => parseTrustedEndpoints("ftp://x")).toThrow("Invalid KROMA_S3_TRUSTED_ENDPOINTS entry 'ftp://x'");
    expect(() => loadServerConfig({}, { KROMA_S3_TRUSTED_ENDPOINTS: "not a url" })).toThrow(
      "KROMA_S3_TRUSTED_ENDPOINTS",
    );
  });

  it.each([
    ["", true],
    ["https://s3.eu-west-1.amazonaws.com", true],
    ["https://bucket.s3.amazonaws.com.cn/", true],
    ["http://127.0.0.1:9000/any/path", true],
    ["https://minio.example.com", true],
    // Plain http to AWS names, look-alike hosts, other ports and schemes are not AWS.
    ["http://s3.amazonaws.com", false],
    ["https://amazonaws.com.evil.test", false],
    ["https://evilamazonaws.com", false],
    ["http://127.0.0.1:9001", false],
    ["https://127.0.0.1:9000", false],
    ["not a url", false],
  ])("%s -> %s", (endpoint, allowed) => {
    expect(mayUseServerCredentials(endpoint, trusted)).toBe(allowed);
  });
});
