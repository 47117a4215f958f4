import type { CriterionStatus, OverallResult } from "@/lib/criteria";
import { Badge } from "@/components/ui/card";

const STATUS: Record<CriterionStatus, { label: string; tone: "green" | "red" | "amber" | "slate" }> = {
  MET: { label: "Đạt", tone: "green" },
  NOT_MET: { label: "Chưa đạt", tone: "red" },
  MISSING_DATA: { label: "Thiếu dữ liệu", tone: "amber" },
  NOT_APPLICABLE: { label: "Không áp dụng", tone: "slate" },
};

const OVERALL: Record<OverallResult, { label: string; tone: "green" | "red" | "amber" | "slate" }> = {
  DAT: { label: "Đạt", tone: "green" },
  CHUA_DAT: { label: "Chưa đạt", tone: "red" },
  THIEU_DU_LIEU: { label: "Thiếu dữ liệu", tone: "amber" },
  KHONG_THUOC_DIEN: { label: "Không thuộc diện", tone: "slate" },
};

export function VerdictBadge({ status }: { status: CriterionStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

export function OverallBadge({ overall }: { overall: OverallResult }) {
  return <Badge tone={OVERALL[overall].tone}>{OVERALL[overall].label}</Badge>;
}
