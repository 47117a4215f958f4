/**
 * One contract, every evidence store: the local folder and S3-compatible object storage, the
 * latter against a real S3-compatible server (s3rver, scripts/s3-test-server.ts) that speaks the
 * S3 protocol over HTTP and keeps files on disk — not a mock. Then the use-cases (upload, read,
 * orphans, health) on S3, unchanged, against the test database.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { evidenceStorageFromEnv, type EvidenceStorage } from "../../lib/dossiers/evidence-storage";
import { S3EvidenceStorage } from "../../lib/dossiers/s3-evidence-storage";
import { evidenceStorageConfig } from "../../lib/dossiers/evidence-storage-config";
import { PROBE_PREFIX } from "../../lib/dossiers/storage-keys";
import { readEvidence, uploadEvidence } from "../../lib/dossiers/evidence-files";
import { findOrphanEvidence } from "../../lib/dossiers/evidence-orphans";
import { healthReport } from "../../lib/health/health-report";
import { S3_TEST_CREDENTIALS, startS3TestServer, type S3TestServer } from "../../scripts/s3-test-server";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const temp = await mkdtemp(path.join(tmpdir(), "antt-storage-contract-"));
let s3: S3TestServer;

beforeAll(async () => {
  s3 = await startS3TestServer({ directory: path.join(temp, "s3"), bucket: "antt-evidence" });
  // Loads the AWS SDK once (seconds on a busy machine), outside the tests' time limits.
  await s3Store("warm-up").check();
});
afterAll(async () => {
  await s3?.close();
  await rm(temp, { recursive: true, force: true });
});

/** The app's own configuration path: what .env.example documents. */
function s3Store(prefix = ""): EvidenceStorage {
  return evidenceStorageFromEnv({
    ANTT_EVIDENCE_STORE: "s3",
    ANTT_S3_ENDPOINT: s3.endpoint,
    ANTT_S3_REGION: "us-east-1",
    ANTT_S3_BUCKET: s3.bucket,
    ANTT_S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    ANTT_S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    ANTT_S3_FORCE_PATH_STYLE: "1",
    ANTT_S3_PREFIX: prefix,
  });
}

const stores: [string, () => EvidenceStorage][] = [
  ["the local folder", () => evidenceStorageFromEnv({ ANTT_EVIDENCE_DIR: path.join(temp, `local-${randomUUID()}`) })],
  ["S3-compatible object storage", () => s3Store(`run-${randomUUID().slice(0, 8)}`)],
];

async function keysOf(storage: EvidenceStorage): Promise<string[]> {
  const keys: string[] = [];
  for await (const f of storage.list()) keys.push(f.key);
  return keys.sort();
}

describe.each(stores)("the evidence store contract: %s", (_name, make) => {
  it("returns exactly the bytes written, lists each key with when it was stored, and forgets removed ones", async () => {
    const storage = make();
    const before = Date.now();
    const a = randomUUID();
    const b = `2026/${randomUUID()}`;
    const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 256);
    await storage.put(a, bytes);
    await storage.put(b, new Uint8Array([0, 255, 1]));
    // Buffer.equals: a deep toEqual over 256 K elements alone takes seconds on a busy machine.
    expect(Buffer.from(await storage.get(a)).equals(Buffer.from(bytes))).toBe(true);
    expect(await storage.get(b)).toEqual(new Uint8Array([0, 255, 1]));

    const listed = [];
    for await (const f of storage.list()) listed.push(f);
    expect(listed.map((f) => f.key).sort()).toEqual([a, b].sort());
    // Object stores keep second precision; a second's slack either way.
    for (const f of listed) expect(Math.abs(f.storedAt.getTime() - before)).toBeLessThan(60_000);

    await storage.remove(a);
    await storage.remove(a); // removing twice is not an error
    expect(await keysOf(storage)).toEqual([b]);
    await expect(storage.get(a)).rejects.toThrow();
  });

  it("an empty store lists nothing, and the health probe leaves nothing behind", async () => {
    const storage = make();
    expect(await keysOf(storage)).toEqual([]);
    await storage.check();
    expect(await keysOf(storage)).toEqual([]);
  });

  it("refuses keys the app never makes", async () => {
    const storage = make();
    for (const key of ["../etc/passwd", "/absolute", "A-upper", "a//b", "tên"]) {
      await expect(storage.put(key, new Uint8Array([1]))).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
    }
  });

});

describe("S3-compatible object storage", () => {
  it("lists past one page of results", async () => {
    const config = evidenceStorageConfig({ ANTT_EVIDENCE_STORE: "s3", ANTT_S3_ENDPOINT: s3.endpoint, ANTT_S3_BUCKET: s3.bucket, ANTT_S3_ACCESS_KEY_ID: "S3RVER", ANTT_S3_SECRET_ACCESS_KEY: "S3RVER", ANTT_S3_PREFIX: "paged" });
    const storage = new S3EvidenceStorage(config as Extract<typeof config, { kind: "s3" }>, 10);
    const keys = Array.from({ length: 25 }, (_, i) => `p/${String(i).padStart(2, "0")}`);
    await Promise.all(keys.map((k) => storage.put(k, new Uint8Array([1]))));
    await storage.put(`${PROBE_PREFIX}left-behind`, new Uint8Array([1])); // never listed
    expect(await keysOf(storage)).toEqual(keys);
  });

  it("keeps stores with different prefixes in one bucket apart", async () => {
    const one = s3Store("antt/one");
    const two = s3Store("antt/two");
    const key = randomUUID();
    await one.put(key, new Uint8Array([1]));
    expect(await keysOf(one)).toEqual([key]);
    expect(await keysOf(two)).toEqual([]);
    await expect(two.get(key)).rejects.toThrow();
  });

  it("fails with an access key the server does not know, and on a bucket that does not exist", async () => {
    const config = { kind: "s3", bucket: s3.bucket, endpoint: s3.endpoint, region: "us-east-1", credentials: S3_TEST_CREDENTIALS, forcePathStyle: true, prefix: "" } as const;
    const stranger = new S3EvidenceStorage({ ...config, credentials: { accessKeyId: "NOBODY", secretAccessKey: "x" } });
    await expect(stranger.put(randomUUID(), new Uint8Array([1]))).rejects.toThrow(/access key/i);
    await expect(new S3EvidenceStorage({ ...config, bucket: "no-such-bucket" }).check()).rejects.toThrow(/bucket/i);
  });

  it("uploads and reads evidence through the use-cases unchanged; orphans and health work on it", async () => {
    const storage = s3Store(`usecase-${randomUUID().slice(0, 8)}`);
    const w = await makeWorld(t.prisma);
    const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id });
    const dossier = await t.prisma.dossier.create({ data: { unitId: w.agencyA.id, ...(await dossierFacts(t.prisma, w.agencyA.id)), year: 2026, state: "SELF_ASSESSMENT", registeredOn: new Date("2026-03-02T00:00:00Z") } });
    const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const file = await uploadEvidence(t.prisma, storage, officer, { dossierId: dossier.id, criterionId: "CQDN-1", fileName: "Kế hoạch ANTT 2026.pdf", bytes: PDF });
    expect((await readEvidence(t.prisma, storage, officer, file.id))?.bytes).toEqual(PDF);
    expect(await keysOf(storage)).toEqual([file.storageKey]);

    const orphan = randomUUID();
    await storage.put(orphan, new Uint8Array([2]));
    const inTwoHours = new Date(Date.now() + 2 * 3600_000);
    expect(await findOrphanEvidence(t.prisma, storage, inTwoHours)).toEqual([orphan]);

    expect(await healthReport(t.prisma, storage)).toEqual({ status: "ok", database: "ok", evidenceStore: "ok" });
  });

  it("the health report names the store when the server does not answer", async () => {
    const down = new S3EvidenceStorage({ kind: "s3", bucket: "antt-evidence", endpoint: "http://127.0.0.1:9", region: "us-east-1", credentials: S3_TEST_CREDENTIALS, forcePathStyle: true, prefix: "" });
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await healthReport(t.prisma, down)).toEqual({ status: "unavailable", database: "ok", evidenceStore: "unavailable" });
    vi.restoreAllMocks();
  });
});
