/**
 * Evidence files in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Garage…), so several
 * app instances behind a load balancer serve the same files (ADR 0022, "running a province").
 * Same contract as the local folder (tests/integration/evidence-storage-contract.test.ts runs one
 * test against both, the S3 one against a real S3-compatible server process).
 */
import { randomUUID } from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";
import type { EvidenceStorage } from "./evidence-storage";
import type { EvidenceStorageConfig } from "./evidence-storage-config";
import { assertStorageKey, PROBE_PREFIX } from "./storage-keys";

export type S3EvidenceStorageConfig = Extract<EvidenceStorageConfig, { kind: "s3" }>;

// The SDK is loaded on first use: a deployment on the local folder never pays for it.
const sdk = () => import("@aws-sdk/client-s3");

export class S3EvidenceStorage implements EvidenceStorage {
  private client: Promise<S3Client> | undefined;

  /** listPageSize: keys per list request (the server's default, 1,000, when unset; tests use fewer). */
  constructor(
    private readonly config: S3EvidenceStorageConfig,
    private readonly listPageSize?: number,
  ) {}

  private s3(): Promise<S3Client> {
    this.client ??= sdk().then(
      ({ S3Client }) =>
        new S3Client({
          region: this.config.region,
          endpoint: this.config.endpoint,
          forcePathStyle: this.config.forcePathStyle,
          credentials: this.config.credentials,
          // The SDK's default since 2025 adds CRC32 checksums in aws-chunked trailers, which many
          // S3-compatible servers do not understand; send them only where S3 requires one.
          // Integrity is ours anyway: every file's SHA-256 is in the database.
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
          maxAttempts: 3,
        }),
    );
    return this.client;
  }

  private objectKey(key: string): string {
    return this.config.prefix + assertStorageKey(key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const { PutObjectCommand } = await sdk();
    // Keys are fresh random UUIDs, so a write never meets an existing object; the local folder's
    // write-once check ("wx") has no portable S3 twin (If-None-Match is not on every server).
    await (await this.s3()).send(new PutObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Body: bytes, ContentLength: bytes.byteLength, ContentType: "application/octet-stream" }));
  }

  async get(key: string): Promise<Uint8Array> {
    const { GetObjectCommand } = await sdk();
    const answer = await (await this.s3()).send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
    if (!answer.Body) throw new Error(`Evidence store returned no body for ${key}`);
    return answer.Body.transformToByteArray();
  }

  async remove(key: string): Promise<void> {
    const { DeleteObjectCommand } = await sdk();
    // S3 deletes are idempotent: a missing key is not an error, as with the local folder.
    await (await this.s3()).send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  async check(): Promise<void> {
    const key = `${PROBE_PREFIX}${randomUUID()}`;
    await this.put(key, new TextEncoder().encode("ok"));
    try {
      if (new TextDecoder().decode(await this.get(key)) !== "ok") throw new Error("Evidence store returned other bytes than written");
    } finally {
      await this.remove(key);
    }
  }

  async *list(): AsyncIterable<{ key: string; storedAt: Date }> {
    const { ListObjectsCommand } = await sdk();
    const client = await this.s3();
    // ListObjects (v1), paged by the last key (Marker): every S3 server has it. ListObjectsV2's
    // continuation tokens are opaque, and s3rver makes them with a cipher (DES) that Node 17+
    // no longer offers, so its truncated v2 lists fail.
    let after: string | undefined;
    let more = true;
    while (more) {
      const page = await client.send(new ListObjectsCommand({ Bucket: this.config.bucket, Prefix: this.config.prefix || undefined, Marker: after, MaxKeys: this.listPageSize }));
      const contents = page.Contents ?? [];
      for (const object of contents) {
        if (!object.Key) continue;
        const key = object.Key.slice(this.config.prefix.length);
        if (key.startsWith(PROBE_PREFIX)) continue;
        yield { key, storedAt: object.LastModified ?? new Date(0) };
      }
      after = contents.at(-1)?.Key;
      more = page.IsTruncated === true && after !== undefined;
    }
  }
}
