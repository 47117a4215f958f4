/**
 * One process per PGlite data folder. Two processes writing one folder lose writes silently and
 * can corrupt it (reproduced: 77 lost writes, then `Aborted()`), so the first opener takes a lock
 * file beside the folder and every other process is refused with a message that says what to do.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly holderCommand: string,
  ) {
    super(
      `Cơ sở dữ liệu nhúng tại ${dataDir} đang được tiến trình khác sử dụng (PID ${holderPid}: ${holderCommand}). ` +
        `Hãy dừng tiến trình đó (ví dụ máy chủ ứng dụng) rồi chạy lại lệnh này. ` +
        `/ The embedded database is in use by another process (PID ${holderPid}); stop it and retry.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

type LockInfo = { pid: number; command: string; since: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/**
 * Takes the lock for `dataDir` or throws EmbeddedDatabaseBusyError. Re-entrant within one process
 * (Next.js may load the database module twice in one server). Returns a release function.
 */
export function acquireEmbeddedLock(dataDir: string): () => void {
  const file = lockPathFor(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      const info: LockInfo = { pid: process.pid, command: process.argv.slice(1, 3).join(" "), since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      const release = () => {
        if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      if (holder?.pid === process.pid) return () => {};
      if (holder && isAlive(holder.pid)) throw new EmbeddedDatabaseBusyError(dataDir, holder.pid, holder.command);
      // The holder died without cleaning up (crash, kill -9): the lock is stale.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
