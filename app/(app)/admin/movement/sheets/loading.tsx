import { Loading } from "@/components/ui/loading";

export default function MovementSheetsLoading() {
  return <Loading label="Đang tải bảng chấm điểm…" />;
}
