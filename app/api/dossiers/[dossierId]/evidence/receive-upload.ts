/**
 * POST /api/dossiers/{dossierId}/evidence?criterionId=…&fileName=… with the file's bytes as the
 * body: the shared receiver (lib/http/receive-upload.ts, ADR 0006) with the dossier's check — the
 * permission and the dossier's state, before the body is read — and its upload use-case.
 */
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assertMayUploadEvidence, uploadEvidence } from "@/lib/dossiers/evidence-files";
import { evidenceUploadSchema } from "@/lib/dossiers/evidence-rules";
import type { EvidenceStorage } from "@/lib/dossiers/evidence-storage";
import { receiveUpload } from "@/lib/http/receive-upload";

export type UploadDeps = { prisma: PrismaClient; storage: EvidenceStorage; loadActor: () => Promise<Actor | null> };

export function receiveEvidenceUpload(request: Request, dossierId: string, deps: UploadDeps): Promise<Response> {
  return receiveUpload(request, { dossierId }, deps.loadActor, {
    schema: evidenceUploadSchema,
    check: (actor, input) => assertMayUploadEvidence(deps.prisma, actor, input),
    store: (actor, input, bytes) => uploadEvidence(deps.prisma, deps.storage, actor, { ...input, bytes }),
  });
}
