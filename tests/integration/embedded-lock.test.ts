/** One process per embedded data folder: a second process is refused, a dead holder's lock is taken over. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireEmbeddedLock, EmbeddedDatabaseBusyError, lockPathFor } from "../../lib/db/embedded-lock";

const root = await mkdtemp(path.join(tmpdir(), "antt-lock-"));
afterAll(() => rm(root, { recursive: true, force: true }));

describe("embedded database lock", () => {
  it("refuses a second process with a clear Vietnamese message and exit code 3", () => {
    const dataDir = path.join(root, "held");
    const release = acquireEmbeddedLock(dataDir);
    try {
      const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "deploy"], {
        env: { ...process.env, ANTT_DATA_DIR: dataDir, DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(child.status).toBe(3);
      expect(child.stderr).toContain("đang được tiến trình khác sử dụng");
      expect(child.stderr).toContain(`PID ${process.pid}`);
      // The refused process did not create the database.
      expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(false);
    } finally {
      release();
    }
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it("is re-entrant within one process", () => {
    const dataDir = path.join(root, "reentrant");
    const release = acquireEmbeddedLock(dataDir);
    expect(() => acquireEmbeddedLock(dataDir)).not.toThrow();
    release();
  });

  it("takes over the lock of a process that died", async () => {
    const dataDir = path.join(root, "stale");
    await writeFile(lockPathFor(dataDir), JSON.stringify({ pid: 2 ** 22 + 7, command: "crashed", since: "2026-01-01" }));
    const release = acquireEmbeddedLock(dataDir);
    release();
  });

  it("reports the holder when another live process holds it", async () => {
    const dataDir = path.join(root, "other");
    // PID 1 is always alive.
    await writeFile(lockPathFor(dataDir), JSON.stringify({ pid: 1, command: "next start", since: "2026-01-01" }));
    expect(() => acquireEmbeddedLock(dataDir)).toThrow(EmbeddedDatabaseBusyError);
  });
});
