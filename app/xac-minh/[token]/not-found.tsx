/** An unknown or malformed token: one plain answer, the same for any, that says nothing more. */
export default function VerificationNotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Không tìm thấy giấy công nhận</h1>
        <p className="mt-2 text-slate-700">Mã xác minh không đúng hoặc không tồn tại. Vui lòng kiểm tra lại mã trên giấy công nhận.</p>
      </div>
    </main>
  );
}
