import { Link } from "@/components/ui/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-brand-700">403</p>
      <h1 className="mt-4 text-2xl font-semibold">Không có quyền truy cập</h1>
      <p className="mt-2 text-slate-600">Bạn không có quyền xem hoặc thao tác trên nội dung này. Nếu cho rằng đây là nhầm lẫn, vui lòng liên hệ quản trị hệ thống.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">Về trang chủ</Link>
    </div>
  );
}
