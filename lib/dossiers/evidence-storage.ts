/**
 * Where evidence files live: outside the database, behind an interface, so a provincial
 * deployment can swap the local disk for an object store without touching use-cases.
 * ANTT_EVIDENCE_STORE chooses: "local" (default, a folder) or "s3" (S3-compatible object storage,
 * lib/dossiers/s3-evidence-storage.ts), which several app instances can share (ADR 0022).
 */
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { evidenceStorageConfig } from "./evidence-storage-config";
import { S3EvidenceStorage } from "./s3-evidence-storage";
import { assertStorageKey, PROBE_PREFIX } from "./storage-keys";

export interface EvidenceStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
  /** Throws when files cannot be written, read back and removed (the health check). */
  check(): Promise<void>;
  /** Every stored key with when it was written (the orphan clean-up). */
  list(): AsyncIterable<{ key: string; storedAt: Date }>;
}

/** Files under a root folder (default .data/evidence, or ANTT_EVIDENCE_DIR); keys never contain user input. */
export class FileSystemEvidenceStorage implements EvidenceStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return path.join(this.root, assertStorageKey(key));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // "wx": a key is written once; evidence is immutable once stored.
    await writeFile(file, bytes, { flag: "wx" });
  }

  async get(key: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.pathOf(key)));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async check(): Promise<void> {
    const key = `${PROBE_PREFIX}${randomUUID()}`;
    const bytes = new TextEncoder().encode("ok");
    await this.put(key, bytes);
    try {
      if (new TextDecoder().decode(await this.get(key)) !== "ok") throw new Error("Evidence store returned other bytes than written");
    } finally {
      await this.remove(key);
    }
  }

  async *list(): AsyncIterable<{ key: string; storedAt: Date }> {
    let entries;
    try {
      entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const key = path.relative(this.root, file).split(path.sep).join("/");
      if (key.startsWith(PROBE_PREFIX)) continue;
      yield { key, storedAt: (await stat(file)).mtime };
    }
  }
}

/** The store the environment configures (throws EvidenceStorageConfigError on a wrong setting). */
export function evidenceStorageFromEnv(env: Record<string, string | undefined> = process.env): EvidenceStorage {
  const config = evidenceStorageConfig(env);
  if (config.kind === "s3") return new S3EvidenceStorage(config);
  return new FileSystemEvidenceStorage(path.resolve(/*turbopackIgnore: true*/ config.dir || path.join(process.cwd(), ".data", "evidence")));
}

let defaultStorage: EvidenceStorage | undefined;
/** The process's evidence store. */
export function evidenceStorage(): EvidenceStorage {
  defaultStorage ??= evidenceStorageFromEnv();
  return defaultStorage;
}
