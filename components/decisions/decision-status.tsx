import { Badge } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";

/** Còn hiệu lực / Đã hủy (issued by mistake) / Đã thu hồi (the whole decision) / Thu hồi n đơn vị (some recognitions revoked since). */
export function DecisionStatus({ revokedAt, revokedUnitCount, unitCount, cancelledAt = null }: { revokedAt: Date | null; revokedUnitCount: number; unitCount: number; cancelledAt?: Date | null }) {
  if (cancelledAt) return <Badge tone="red">Đã hủy</Badge>;
  if (revokedAt || (unitCount > 0 && revokedUnitCount === unitCount)) return <Badge tone="red">Đã thu hồi</Badge>;
  if (revokedUnitCount > 0) return <Badge tone="amber">{`Đã thu hồi ${formatNumber(revokedUnitCount)}/${formatNumber(unitCount)} đơn vị`}</Badge>;
  return <Badge tone="green">Còn hiệu lực</Badge>;
}
