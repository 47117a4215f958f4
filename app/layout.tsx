import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ANTT – Phong trào an toàn về an ninh, trật tự", template: "%s | ANTT" },
  description: "Đăng ký, tự đánh giá, thẩm định và công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” theo Thông tư 124/2021/TT-BCA.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next.js can put this response's CSP nonce (proxy.ts) on its
  // scripts; a page prerendered at build time would carry none and its scripts would be blocked.
  await connection();
  return (
    <html lang="vi">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
