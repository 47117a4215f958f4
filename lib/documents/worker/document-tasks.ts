/**
 * What a document worker thread does (ADR 0021): validate the input, then write the .docx piece by
 * piece to a MessagePort — "start" once the input is accepted (with how many rows follow), "progress"
 * as the long tables are written, "chunk" with the package's bytes (transferred, not copied), or
 * "invalid" with the builder's Vietnamese validation issues. Free of the web framework and of
 * Prisma: the request thread reads the data and sends it here, except the year-end report's long
 * lists on PostgreSQL, which the worker reads over a connection of its own (`lists`).
 */
import { threadId, type MessagePort } from "node:worker_threads";
import { z } from "zod";
import { planYearEndReport, writeYearEndReportDocx } from "@/lib/reports/exports/year-end-report-docx";
import type { YearEndReportInput } from "@/lib/reports/exports/year-end-report-schema";
import { sortYearEndReportUnits } from "@/lib/reports/exports/year-end-report-order";
import { buildRecognitionDecisionDocx } from "@/lib/documents/recognition-decision";
import { buildCertificatesDocx, buildRecognitionCertificateDocx } from "@/lib/documents/recognition-certificate";
import type { RecognitionCertificateInput, RecognitionDecisionInput } from "@/lib/documents/schemas";
import { readReportListsOverPg, type ReportLists, type ReportListsSource } from "@/lib/reports/year-end-report-lists";

export type DocumentTask =
  /**
   * `sort`: put the unit lists in print order first (the request thread read them unsorted).
   * `lists`: read the unit lists here, from PostgreSQL, and add them to the input's.
   */
  | { kind: "year-end-report"; input: YearEndReportInput; sort?: boolean; lists?: ReportListsSource }
  | { kind: "recognition-decision"; input: RecognitionDecisionInput }
  | { kind: "certificate"; input: RecognitionCertificateInput }
  /** A decision's certificates, one per page. */
  | { kind: "certificates"; inputs: RecognitionCertificateInput[] };

export type DocumentMessage =
  | { type: "start"; rows: number; threadId: number }
  | { type: "progress"; done: number; total: number }
  | { type: "chunk"; bytes: Uint8Array<ArrayBuffer> }
  | { type: "invalid"; issues: z.core.$ZodIssue[] }
  | { type: "end" };

/** Progress at most this often: each message costs the request thread a little. */
const PROGRESS_EVERY_MS = 100;

function withLists(input: YearEndReportInput, lists: ReportLists): YearEndReportInput {
  return { ...input, recognised: [...input.recognised, ...lists.recognised], notRecognised: [...input.notRecognised, ...lists.notRecognised] };
}

/** Runs `task`, posting its messages to `post`. Errors other than validation are thrown. */
export async function runDocumentTask(task: DocumentTask, post: (message: DocumentMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const chunk = (bytes: Uint8Array<ArrayBuffer>) => post({ type: "chunk", bytes }, [bytes.buffer]);
  try {
    switch (task.kind) {
      case "year-end-report": {
        const input = task.lists ? withLists(task.input, await readReportListsOverPg(task.lists)) : task.input;
        const plan = planYearEndReport(task.sort ? sortYearEndReportUnits(input) : input);
        post({ type: "start", rows: plan.units, threadId });
        let last = 0;
        await writeYearEndReportDocx(plan, chunk, ({ done, total }) => {
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS && done < total) return;
          last = now;
          post({ type: "progress", done, total });
        });
        break;
      }
      case "recognition-decision":
      case "certificate":
      case "certificates": {
        // Built whole (the PDF conversion needs the whole file anyway); off the request thread all the same.
        const bytes =
          task.kind === "certificates"
            ? await buildCertificatesDocx(task.inputs)
            : task.kind === "certificate"
              ? await buildRecognitionCertificateDocx(task.input)
              : await buildRecognitionDecisionDocx(task.input);
        post({ type: "start", rows: 0, threadId });
        chunk(bytes);
        break;
      }
    }
  } catch (error) {
    if (error instanceof z.ZodError) {
      post({ type: "invalid", issues: error.issues });
      return;
    }
    throw error;
  }
  post({ type: "end" });
}

/** The worker's side of a port. */
export function portPoster(port: MessagePort) {
  return (message: DocumentMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer ?? []);
}
