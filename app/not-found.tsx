import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-brand-700">404</p>
      <h1 className="mt-4 text-2xl font-semibold">Không tìm thấy trang</h1>
      <p className="mt-2 text-slate-600">Trang hoặc dữ liệu bạn tìm không tồn tại hoặc đã bị xóa.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">Về trang chủ</Link>
    </div>
  );
}
