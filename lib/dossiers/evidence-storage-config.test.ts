import { describe, expect, it } from "vitest";
import { evidenceStorageConfig, evidenceStorageConfigProblems } from "./evidence-storage-config";

describe("evidence storage configuration", () => {
  it("is the local folder unless S3 is asked for", () => {
    expect(evidenceStorageConfig({})).toEqual({ kind: "local", dir: undefined });
    expect(evidenceStorageConfig({ ANTT_EVIDENCE_STORE: " Local ", ANTT_EVIDENCE_DIR: "/srv/evidence" })).toEqual({ kind: "local", dir: "/srv/evidence" });
  });

  it("reads an on-premises S3-compatible server: path-style by default, prefix ending in a slash", () => {
    expect(
      evidenceStorageConfig({
        ANTT_EVIDENCE_STORE: "s3",
        ANTT_S3_ENDPOINT: "https://s3.laocai.gov.vn:9000",
        ANTT_S3_BUCKET: "antt-evidence",
        ANTT_S3_ACCESS_KEY_ID: "antt",
        ANTT_S3_SECRET_ACCESS_KEY: "secret",
        ANTT_S3_PREFIX: "prod/evidence",
      }),
    ).toEqual({ kind: "s3", bucket: "antt-evidence", endpoint: "https://s3.laocai.gov.vn:9000", region: "us-east-1", credentials: { accessKeyId: "antt", secretAccessKey: "secret" }, forcePathStyle: true, prefix: "prod/evidence/" });
  });

  it("on AWS itself: virtual-hosted names and the SDK's own credentials unless told otherwise", () => {
    expect(evidenceStorageConfig({ ANTT_EVIDENCE_STORE: "s3", ANTT_S3_BUCKET: "antt", ANTT_S3_REGION: "ap-southeast-1" })).toMatchObject({ endpoint: undefined, region: "ap-southeast-1", credentials: undefined, forcePathStyle: false, prefix: "" });
    expect(evidenceStorageConfig({ ANTT_EVIDENCE_STORE: "s3", ANTT_S3_BUCKET: "antt", ANTT_S3_FORCE_PATH_STYLE: "1" })).toMatchObject({ forcePathStyle: true });
    expect(evidenceStorageConfig({ ANTT_EVIDENCE_STORE: "s3", ANTT_S3_BUCKET: "antt", ANTT_S3_ENDPOINT: "http://minio:9000", ANTT_S3_FORCE_PATH_STYLE: "0" })).toMatchObject({ forcePathStyle: false });
  });

  it("names every problem at once", () => {
    expect(evidenceStorageConfigProblems({ ANTT_EVIDENCE_STORE: "ftp" })).toEqual(['ANTT_EVIDENCE_STORE must be "local" or "s3" (got "ftp").']);
    const problems = evidenceStorageConfigProblems({ ANTT_EVIDENCE_STORE: "s3", ANTT_S3_ENDPOINT: "s3.local", ANTT_S3_ACCESS_KEY_ID: "x", ANTT_S3_FORCE_PATH_STYLE: "maybe", ANTT_S3_PREFIX: "../up" });
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/ANTT_S3_BUCKET must name the bucket/);
    expect(problems.join("\n")).toMatch(/ANTT_S3_ENDPOINT must be an http\(s\) address/);
    expect(problems.join("\n")).toMatch(/set together or not at all/);
    expect(problems.join("\n")).toMatch(/ANTT_S3_FORCE_PATH_STYLE must be 1 or 0/);
    expect(problems.join("\n")).toMatch(/ANTT_S3_PREFIX/);
    expect(evidenceStorageConfigProblems({ ANTT_EVIDENCE_STORE: "s3", ANTT_S3_BUCKET: "Bad_Bucket" })).toEqual([expect.stringMatching(/not a valid bucket name/)]);
  });
});
