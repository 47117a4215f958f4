/**
 * Entry of the document worker threads (lib/documents/document-pool.ts runs it through piscina,
 * loaded with tsx so it shares the application's TypeScript sources). One task at a time per thread.
 */
import type { MessagePort } from "node:worker_threads";
import { portPoster, runDocumentTask, type DocumentTask } from "./document-tasks";

export default async function documentWorker({ task, port }: { task: DocumentTask; port: MessagePort }): Promise<void> {
  try {
    await runDocumentTask(task, portPoster(port));
  } finally {
    port.close();
  }
}
