"use client";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem" }}>
        <h1>Đã xảy ra lỗi hệ thống</h1>
        <p>Vui lòng thử lại sau ít phút hoặc liên hệ quản trị hệ thống.</p>
        <button type="button" onClick={reset}>Thử lại</button>
      </body>
    </html>
  );
}
