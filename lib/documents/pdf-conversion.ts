/**
 * .docx → PDF with LibreOffice (`soffice --headless --convert-to pdf`), the one place that runs it: the
 * download routes (`?format=pdf`) and the document tests (tests/documents) both call `convertDocxToPdf`.
 *
 * LibreOffice is optional for the app (Debian: `apt-get install libreoffice-writer-nogui`); without it
 * `pdfConversionAvailable()` is false and the pages offer only the .docx. Server-side only (node:*).
 *
 * Why this shape:
 * - Each conversion slot has its own LibreOffice profile (`-env:UserInstallation`): two soffice processes
 *   on one profile wait on each other's lock or fail silently, and parallel test workers or a second
 *   server process must never share one. The profile lives as long as the process, so only the first
 *   conversion of a slot pays for creating it (several seconds).
 * - At most `PDF_CONVERSION_CONCURRENCY` (default 1, at most 2) conversions run at once; a soffice run
 *   takes a whole core for seconds and the server has few. Callers beyond that queue, and a queue longer
 *   than `MAX_QUEUED` is refused at once ("busy") rather than piling up behind a slow machine.
 * - A conversion that does not finish within its timeout is killed with its whole process group
 *   (soffice starts soffice.bin as a child).
 */
import { spawn } from "node:child_process";
import { accessSync, constants as fsConstants, rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

export const PDF_MIME_TYPE = "application/pdf";

/** Generous: a cold LibreOffice on a loaded two-core machine takes tens of seconds. */
export const DEFAULT_PDF_TIMEOUT_MS = 90_000;
const MAX_QUEUED = 8;

export type PdfConversionFailure = "unavailable" | "busy" | "timeout" | "failed";

export class PdfConversionError extends Error {
  constructor(
    readonly reason: PdfConversionFailure,
    message: string,
  ) {
    super(message);
    this.name = "PdfConversionError";
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let sofficeLookup: { path: string | null } | undefined;

/** The soffice binary: `SOFFICE_PATH`, else `soffice` or `libreoffice` on the PATH; null when absent. */
export function sofficePath(): string | null {
  if (sofficeLookup) return sofficeLookup.path;
  const configured = process.env.SOFFICE_PATH;
  let found: string | null = null;
  if (configured) found = executable(configured) ? configured : null;
  else {
    const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
    outer: for (const name of ["soffice", "libreoffice"]) {
      for (const dir of dirs) {
        const candidate = join(dir, name);
        if (executable(candidate)) {
          found = candidate;
          break outer;
        }
      }
    }
  }
  sofficeLookup = { path: found };
  return found;
}

/** Whether this server can offer PDF downloads. */
export function pdfConversionAvailable(): boolean {
  return sofficePath() !== null;
}

function concurrencyLimit(): number {
  const configured = Number(process.env.PDF_CONVERSION_CONCURRENCY);
  return configured === 2 ? 2 : 1;
}

// A small semaphore: free slot numbers, and the callers waiting for one.
let freeSlots: number[] | undefined;
const waiting: ((slot: number) => void)[] = [];

function acquireSlot(): Promise<number> {
  freeSlots ??= Array.from({ length: concurrencyLimit() }, (_, index) => index);
  const slot = freeSlots.pop();
  if (slot !== undefined) return Promise.resolve(slot);
  if (waiting.length >= MAX_QUEUED) {
    return Promise.reject(new PdfConversionError("busy", "Máy chủ đang bận chuyển văn bản sang PDF. Vui lòng thử lại sau ít phút hoặc tải bản .docx."));
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function releaseSlot(slot: number): void {
  const next = waiting.shift();
  if (next) next(slot);
  else freeSlots?.push(slot);
}

let profileRoot: Promise<string> | undefined;

/** This process's profile directory for `slot`, under a fresh temporary directory. */
async function profileDir(slot: number): Promise<string> {
  profileRoot ??= mkdtemp(join(tmpdir(), "antt-soffice-profile-")).then((root) => {
    // Profiles are tens of megabytes; do not leave one behind per process in /tmp.
    process.once("exit", () => rmSync(root, { recursive: true, force: true }));
    return root;
  });
  const dir = join(await profileRoot, `slot-${slot}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

function runSoffice(soffice: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Own process group, so that a timeout can kill soffice.bin too.
    const child = spawn(soffice, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOME: cwd } });
    let output = "";
    const collect = (chunk: Buffer) => {
      if (output.length < 4000) output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new PdfConversionError("failed", `LibreOffice could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new PdfConversionError("timeout", `LibreOffice did not finish within ${Math.round(timeoutMs / 1000)} s.`));
      else if (code !== 0) reject(new PdfConversionError("failed", `LibreOffice exited with ${code ?? signal}: ${output.trim()}`));
      else resolve();
    });
  });
}

export interface PdfConversionOptions {
  /** Milliseconds for the conversion itself (not the wait for a slot); default 90 s. */
  timeoutMs?: number;
}

/**
 * The PDF of a .docx, as LibreOffice prints it. Throws `PdfConversionError`: "unavailable" without
 * LibreOffice, "busy" when too many conversions wait, "timeout", or "failed" (with soffice's output).
 */
export async function convertDocxToPdf(docx: Uint8Array, options: PdfConversionOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const soffice = sofficePath();
  if (!soffice) throw new PdfConversionError("unavailable", "LibreOffice (soffice) is not installed on this server.");
  const slot = await acquireSlot();
  const workDir = await mkdtemp(join(tmpdir(), "antt-pdf-"));
  try {
    const profile = await profileDir(slot);
    await writeFile(join(workDir, "document.docx"), docx);
    await runSoffice(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        workDir,
        join(workDir, "document.docx"),
      ],
      workDir,
      options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS,
    );
    let pdf: Buffer;
    try {
      pdf = await readFile(join(workDir, "document.pdf"));
    } catch {
      // soffice exits 0 without output when it cannot read the file.
      throw new PdfConversionError("failed", "LibreOffice finished without writing a PDF.");
    }
    if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") throw new PdfConversionError("failed", "LibreOffice wrote something that is not a PDF.");
    const bytes = new Uint8Array(new ArrayBuffer(pdf.byteLength));
    bytes.set(pdf);
    return bytes;
  } catch (error) {
    // A killed soffice can leave its profile locked; the next run of this slot starts a fresh one.
    if (error instanceof PdfConversionError && error.reason === "timeout") await rm(await profileDir(slot), { recursive: true, force: true });
    throw error;
  } finally {
    releaseSlot(slot);
    await rm(workDir, { recursive: true, force: true });
  }
}

/** "Giay-cong-nhan-To-dan-pho-so-5.docx" → "Giay-cong-nhan-To-dan-pho-so-5.pdf". */
export function pdfFileName(docxName: string): string {
  return docxName.replace(/\.docx$/i, "") + ".pdf";
}
