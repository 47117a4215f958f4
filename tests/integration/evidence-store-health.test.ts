import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findOrphanEvidence, ORPHAN_GRACE_MINUTES, removeOrphanEvidence } from "../../lib/dossiers/evidence-orphans";
import { FileSystemEvidenceStorage } from "../../lib/dossiers/evidence-storage";
import { healthReport } from "../../lib/health/health-report";
import { setupTestDatabase } from "./test-db";

// Read-mostly: one demo province for the file.
const t = setupTestDatabase({
  keepData: true,
  setup: async (prisma) => {
    const { seedDemoProvince } = await import("../../prisma/seed/demo-province");
    await seedDemoProvince(prisma);
  },
});

const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});
async function tempStore() {
  const dir = await mkdtemp(path.join(tmpdir(), "antt-evidence-"));
  dirs.push(dir);
  return { dir, storage: new FileSystemEvidenceStorage(dir) };
}

describe("the health report", () => {
  it("is ok when the database answers and the evidence store round-trips a file, leaving nothing behind", async () => {
    const { storage } = await tempStore();
    expect(await healthReport(t.prisma, storage)).toEqual({ status: "ok", database: "ok", evidenceStore: "ok" });
    const left = [];
    for await (const f of storage.list()) left.push(f);
    expect(left).toEqual([]);
  });

  it("names the evidence store when it cannot write", async () => {
    const { dir } = await tempStore();
    const blocked = path.join(dir, "a-file");
    await writeFile(blocked, "not a folder");
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await healthReport(t.prisma, new FileSystemEvidenceStorage(blocked))).toEqual({ status: "unavailable", database: "ok", evidenceStore: "unavailable" });
  });
});

describe("orphan evidence files", () => {
  it("finds stored files no dossier refers to, older than the grace period, and removes them with one audit event", async () => {
    const { dir, storage } = await tempStore();
    const now = new Date();
    const old = new Date(now.getTime() - (ORPHAN_GRACE_MINUTES + 5) * 60_000);
    const dossier = await t.prisma.dossier.findFirstOrThrow();
    const keep = "2f9a6d4e-0000-4000-8000-000000000001";
    await storage.put(keep, new Uint8Array([1]));
    await t.prisma.evidenceFile.create({ data: { dossierId: dossier.id, criterionId: "CQDN-1", fileName: "a.pdf", mimeType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), storageKey: keep } });
    const orphan = "2f9a6d4e-0000-4000-8000-000000000002";
    const uploading = "2f9a6d4e-0000-4000-8000-000000000003";
    await storage.put(orphan, new Uint8Array([2]));
    await storage.put(uploading, new Uint8Array([3]));
    for (const key of [keep, orphan]) await utimes(path.join(dir, key), old, old);

    expect(await findOrphanEvidence(t.prisma, storage, now)).toEqual([orphan]);
    expect(await removeOrphanEvidence(t.prisma, storage, now)).toEqual([orphan]);
    const left = [];
    for await (const f of storage.list()) left.push(f.key);
    expect(left.sort()).toEqual([keep, uploading].sort());
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.orphans_removed" } });
    expect(event.meta).toEqual({ count: 1, keys: [orphan] });
    expect(await removeOrphanEvidence(t.prisma, storage, now)).toEqual([]);
    expect(await t.prisma.auditEvent.count({ where: { action: "evidence.orphans_removed" } })).toBe(1);
  });
});
