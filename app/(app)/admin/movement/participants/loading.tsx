import { Loading } from "@/components/ui/loading";

export default function MovementParticipantsLoading() {
  return <Loading label="Đang tải danh sách thành phần tham gia…" />;
}
