/**
 * What changed between two submissions of a dossier, per criterion: the engine's verdict, the
 * officer's declarations and explanation, and the evidence (by hash). Pure.
 */
import type { EvaluationResult } from "@/lib/criteria";
import type { SnapshotAnswers, SnapshotEvidence } from "./self-assessment";

export type SnapshotView = { result: EvaluationResult; answers: SnapshotAnswers; evidence: SnapshotEvidence };

export type CriterionChange = {
  criterionId: string;
  changes: string[];
};

export function diffSnapshots(previous: SnapshotView, current: SnapshotView, questionsOf: (criterionId: string) => { key: string; question: string }[]): CriterionChange[] {
  const ids = [...new Set([...previous.result.criteria.map((c) => c.id), ...current.result.criteria.map((c) => c.id)])];
  const out: CriterionChange[] = [];
  for (const id of ids) {
    const changes: string[] = [];
    const before = previous.result.criteria.find((c) => c.id === id);
    const after = current.result.criteria.find((c) => c.id === id);
    if (before?.status !== after?.status) changes.push(`Kết quả: ${before?.status ?? "—"} → ${after?.status ?? "—"}`);
    else if (before?.reason !== after?.reason) changes.push(`Nội dung đánh giá: ${after?.reason ?? "—"}`);
    for (const q of questionsOf(id)) {
      const b = previous.answers.declarations[q.key as keyof typeof previous.answers.declarations];
      const a = current.answers.declarations[q.key as keyof typeof current.answers.declarations];
      if (b !== a) changes.push(`${q.question}: ${b === undefined ? "chưa trả lời" : b ? "Có" : "Không"} → ${a === undefined ? "chưa trả lời" : a ? "Có" : "Không"}`);
    }
    if ((previous.answers.explanations[id] ?? "") !== (current.answers.explanations[id] ?? "")) {
      changes.push(`Giải trình: ${current.answers.explanations[id] ?? "(đã xóa)"}`);
    }
    const hashes = (e: SnapshotEvidence) => new Map(e.filter((f) => f.criterionId === id).map((f) => [f.sha256, f.fileName]));
    const hb = hashes(previous.evidence);
    const ha = hashes(current.evidence);
    for (const [h, name] of ha) if (!hb.has(h)) changes.push(`Thêm minh chứng: ${name}`);
    for (const [h, name] of hb) if (!ha.has(h)) changes.push(`Gỡ minh chứng: ${name}`);
    if (changes.length) out.push({ criterionId: id, changes });
  }
  return out;
}
