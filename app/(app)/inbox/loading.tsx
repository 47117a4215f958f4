import { Loading } from "@/components/ui/loading";

export default function InboxLoading() {
  return <Loading label="Đang tải thông báo…" />;
}
