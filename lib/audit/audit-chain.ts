/**
 * Verifies the audit log's hash chain (ADR 0004). The database links every event on insert:
 * chainSeq = previous + 1, prevHash = previous hash, hash = sha256(prevHash || canonical content).
 * Walking the chain finds the first event that was edited (its hash no longer matches its content),
 * deleted (a gap, or a prevHash that names no event) or reordered, and events written around the
 * chain (no chainSeq: inserted with triggers off).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";

export type ChainProblem = "edited" | "missing_before" | "unchained";

export type AuditChainState =
  | { ok: true; events: number; headSeq: number; headHash: string | null }
  | { ok: false; events: number; first: { id: string; chainSeq: number | null; problem: ChainProblem } };

const GENESIS = "0".repeat(64);

export async function verifyAuditChain(prisma: PrismaClient): Promise<AuditChainState> {
  const [totals] = await prisma.$queryRaw<{ events: bigint; unchained: bigint }[]>`
    SELECT count(*) AS events, count(*) FILTER (WHERE "chainSeq" IS NULL) AS unchained FROM "AuditEvent"`;
  const events = Number(totals?.events ?? 0);
  if (totals && totals.unchained > 0n) {
    const [row] = await prisma.$queryRaw<{ id: bigint }[]>`SELECT id FROM "AuditEvent" WHERE "chainSeq" IS NULL ORDER BY id LIMIT 1`;
    return { ok: false, events, first: { id: String(row?.id), chainSeq: null, problem: "unchained" } };
  }
  // One pass in the database: each event against its own content and its predecessor in the chain.
  const broken = await prisma.$queryRaw<{ id: bigint; chainSeq: bigint; edited: boolean }[]>`
    WITH walk AS (
      SELECT e.id, e."chainSeq", e."prevHash", e.hash,
             "audit_event_hash"(e."prevHash", e) AS recomputed,
             lag(e.hash) OVER (ORDER BY e."chainSeq") AS previous_hash,
             lag(e."chainSeq") OVER (ORDER BY e."chainSeq") AS previous_seq
        FROM "AuditEvent" e
    )
    SELECT id, "chainSeq", (hash IS DISTINCT FROM recomputed) AS edited
      FROM walk
     WHERE hash IS DISTINCT FROM recomputed
        OR "chainSeq" <> coalesce(previous_seq, 0) + 1
        OR "prevHash" IS DISTINCT FROM coalesce(previous_hash, ${GENESIS})
     ORDER BY "chainSeq"
     LIMIT 1`;
  const first = broken[0];
  if (first) {
    return { ok: false, events, first: { id: String(first.id), chainSeq: Number(first.chainSeq), problem: first.edited ? "edited" : "missing_before" } };
  }
  const [head] = await prisma.$queryRaw<{ chainSeq: bigint; hash: string }[]>`SELECT "chainSeq", hash FROM "AuditEvent" ORDER BY "chainSeq" DESC LIMIT 1`;
  return { ok: true, events, headSeq: Number(head?.chainSeq ?? 0), headHash: head?.hash ?? null };
}

/** For the administrators' log page. */
export async function auditChainStateFor(prisma: PrismaClient, actor: Actor | null): Promise<AuditChainState> {
  authorize(actor, { action: "audit.readGlobal" });
  return verifyAuditChain(prisma);
}

/** One sentence for a person, in Vietnamese. */
export function describeAuditChain(state: AuditChainState): string {
  if (state.ok) {
    return state.events === 0
      ? "Nhật ký chưa có sự kiện nào."
      : `Chuỗi nhật ký toàn vẹn: ${state.events.toLocaleString("vi-VN")} sự kiện, mã băm cuối ${state.headHash?.slice(0, 16)}… (sự kiện thứ ${state.headSeq.toLocaleString("vi-VN")}).`;
  }
  const where = `sự kiện #${state.first.id}${state.first.chainSeq ? ` (vị trí ${state.first.chainSeq.toLocaleString("vi-VN")} trong chuỗi)` : ""}`;
  const what = {
    edited: "nội dung đã bị sửa sau khi ghi",
    missing_before: "thiếu hoặc bị đảo thứ tự sự kiện ngay trước nó",
    unchained: "được ghi ngoài chuỗi (không qua cơ chế ghi nhật ký)",
  }[state.first.problem];
  return `Chuỗi nhật ký bị phá vỡ tại ${where}: ${what}. Báo ngay cho quản trị cơ sở dữ liệu.`;
}
