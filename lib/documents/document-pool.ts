/**
 * Documents built off the request thread (ADR 0021): a small pool of worker threads (piscina) writes
 * each .docx and hands its bytes back through a MessagePort as they are produced; the route handler
 * streams them into the same HTTP response. So the server keeps answering — other pages, the health
 * check — while a province-sized report is built, and nothing about a download is kept in this
 * process's memory for a later request (several instances behind a load balancer, issue 12 §6).
 *
 * `DOCUMENT_WORKERS` threads (default 1: on a two-core server one core stays for requests, at most 4);
 * at most `MAX_QUEUED` documents wait for a thread, beyond that `DocumentBusyError` (503).
 *
 * The worker runs the application's TypeScript sources through tsx (a dependency already used by
 * the npm scripts), from the project directory: the Next.js bundle is not involved, so the worker
 * shares its code with the tests without a second build step.
 */
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { z } from "zod";
import type { DocumentMessage, DocumentTask } from "./worker/document-tasks";

const MAX_QUEUED = 16;
/** A worker stays loaded this long after its last document (loading docx and zod takes a second or two). */
const IDLE_MS = 10 * 60_000;

export class DocumentBusyError extends Error {
  constructor() {
    super("document workers busy");
    this.name = "DocumentBusyError";
  }
}

function threads(): number {
  const configured = Number(process.env.DOCUMENT_WORKERS);
  return Number.isInteger(configured) && configured >= 1 ? Math.min(configured, 4) : 1;
}

let pool: Piscina | undefined;

function documentPool(): Piscina {
  pool ??= new Piscina({
    filename: path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "documents", "worker", "document-worker.ts"),
    execArgv: ["--import", "tsx"],
    minThreads: 0,
    maxThreads: threads(),
    idleTimeout: IDLE_MS,
    maxQueue: MAX_QUEUED,
    // Tasks hold open handles (the port, zlib) until they end: no synchronous Atomics wait.
    atomics: "disabled",
  });
  return pool;
}

export interface DocumentProgress {
  done: number;
  total: number;
}

export interface StreamedDocument {
  /** The package's bytes, in order, as the worker writes them. */
  stream: ReadableStream<Uint8Array<ArrayBuffer>>;
  /** Rows in the document's long tables (0 when it has none). */
  rows: number;
  /** The worker thread that writes it. */
  threadId: number;
}

/**
 * Starts `task` on a worker and resolves once the worker has accepted the input — with the byte
 * stream to send — or rejects: `z.ZodError` (the builder's Vietnamese messages; nothing was sent yet,
 * so the caller can still answer 422), `DocumentBusyError`, or the worker's failure.
 * `onProgress` sees the rows written so far.
 */
export function streamDocument(task: DocumentTask, onProgress?: (progress: DocumentProgress) => void): Promise<StreamedDocument> {
  const { port1, port2 } = new MessageChannel();
  let controller!: ReadableStreamDefaultController<Uint8Array<ArrayBuffer>>;
  let open = true;
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(c) {
      controller = c;
    },
    cancel() {
      // The client went away: stop forwarding; the worker finishes its (bounded) document and is reused.
      open = false;
      port1.close();
    },
  });
  return new Promise<StreamedDocument>((resolve, reject) => {
    let started = false;
    const fail = (error: unknown) => {
      port1.close();
      if (!started) reject(error);
      else if (open) controller.error(error);
    };
    port1.on("message", (message: DocumentMessage) => {
      switch (message.type) {
        case "start":
          started = true;
          resolve({ stream, rows: message.rows, threadId: message.threadId });
          break;
        case "progress":
          onProgress?.({ done: message.done, total: message.total });
          break;
        case "chunk":
          if (open) controller.enqueue(message.bytes);
          break;
        case "invalid":
          fail(new z.ZodError(message.issues));
          break;
        case "end":
          port1.close();
          if (open) controller.close();
          break;
      }
    });
    let running: Promise<unknown>;
    try {
      running = documentPool().run({ task, port: port2 }, { transferList: [port2] });
    } catch (error) {
      fail(error);
      return;
    }
    running.catch((error: unknown) => {
      const queueFull = error instanceof Error && /queue is at limit/i.test(error.message);
      fail(queueFull ? new DocumentBusyError() : error);
    });
  });
}

/** The whole document in memory (tests, callers that need the bytes themselves). */
export async function documentBytes(task: DocumentTask): Promise<Uint8Array<ArrayBuffer>> {
  const { stream } = await streamDocument(task);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Stops the worker threads (tests, scripts). */
export async function closeDocumentPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.close();
}
