/**
 * Where evidence files live: outside the database, behind an interface, so a provincial
 * deployment can swap the local disk for an object store without touching use-cases.
 */
import { mkdir, readFile, writeFile, rm } from "node:fs/promises";
import path from "node:path";

export interface EvidenceStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

/** Files under a root folder (default .data/evidence, or ANTT_EVIDENCE_DIR); keys never contain user input. */
export class FileSystemEvidenceStorage implements EvidenceStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!/^[a-z0-9/-]+$/.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${key}`);
    return path.join(this.root, key);
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
}

let defaultStorage: EvidenceStorage | undefined;
export function evidenceStorage(): EvidenceStorage {
  defaultStorage ??= new FileSystemEvidenceStorage(
    path.resolve(/*turbopackIgnore: true*/ process.env.ANTT_EVIDENCE_DIR?.trim() || path.join(process.cwd(), ".data", "evidence")),
  );
  return defaultStorage;
}
