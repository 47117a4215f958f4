"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Đã xảy ra lỗi</h1>
      <p className="mt-2 text-slate-600">Hệ thống chưa xử lý được yêu cầu. Dữ liệu bạn đã lưu trước đó không bị ảnh hưởng.</p>
      {error.digest && <p className="mt-2 text-xs text-slate-500">Mã lỗi: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Thử lại
      </button>
    </div>
  );
}
