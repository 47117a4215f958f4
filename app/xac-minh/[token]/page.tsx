import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getPrisma } from "@/lib/db/client";
import { clientAddress } from "@/lib/auth/sign-in-rate-limit";
import { verificationRateLimiter } from "@/lib/security/verification-rate-limit";
import { verifyCertificate } from "@/lib/dossiers/decision-verification";
import { VERIFICATION_STATUS_LABELS } from "@/lib/dossiers/decision-change";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

// Not for search engines, and the token stays out of any Referer a link on the page would send.
export const metadata: Metadata = { title: "Xác minh giấy công nhận", robots: { index: false, follow: false }, referrer: "no-referrer" };

const TONES = { VALID: "border-green-300 bg-green-50 text-green-800", CANCELLED: "border-red-300 bg-red-50 text-red-800", REVOKED: "border-red-300 bg-red-50 text-red-800" } as const;

/**
 * Public verification of a certificate's QR code: no sign-in (outside the signed-in layout), rate
 * limited per client address, and only the facts a certificate itself prints plus its standing.
 */
export default async function VerifyCertificatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const h = await headers();
  const wait = await verificationRateLimiter().admit(clientAddress({ "x-forwarded-for": h.get("x-forwarded-for") ?? undefined }));
  if (wait > 0) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">Tra cứu quá nhiều lần</h1>
        <p className="mt-2 text-slate-700">Vui lòng thử lại sau {wait} giây.</p>
      </Shell>
    );
  }
  const facts = await verifyCertificate(getPrisma(), token);
  if (!facts) notFound();
  return (
    <Shell>
      <h1 className="text-xl font-semibold">Xác minh giấy công nhận</h1>
      <p className="mt-1 text-sm text-slate-600">Đạt tiêu chuẩn “An toàn về an ninh, trật tự”</p>
      <dl className="mt-6 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="verification">
        <dt className="text-slate-600">Đơn vị</dt>
        <dd className="font-medium">{facts.unitName}</dd>
        <dt className="text-slate-600">Năm</dt>
        <dd>{facts.year}</dd>
        <dt className="text-slate-600">Quyết định số</dt>
        <dd>{facts.decisionNumber}</dd>
        <dt className="text-slate-600">Ngày quyết định</dt>
        <dd>{formatDate(facts.decisionIssuedOn)}</dd>
        <dt className="text-slate-600">Tình trạng</dt>
        <dd>
          <span className={`inline-block rounded border px-2 py-0.5 font-medium ${TONES[facts.status]}`} data-testid="verification-status">
            {VERIFICATION_STATUS_LABELS[facts.status]}
          </span>
        </dd>
      </dl>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
