"use client";

import { useState, useTransition } from "react";
import { resetPasswordAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";

type Issued = { username: string; fullName: string; oneTimePassword: string };

/**
 * "Đặt lại mật khẩu": asks for confirmation, then shows the one-time password once — it is stored
 * only as a hash, so leaving the page loses it (reset again if so).
 */
export function ResetPassword({ userId, username }: { userId: string; username: string }) {
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);

  if (issued) {
    return (
      <div role="status" aria-label="Mật khẩu dùng một lần" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm print:border-0">
        <p>
          Mật khẩu dùng một lần của <strong>{issued.fullName}</strong> (<span className="font-mono">{issued.username}</span>):
        </p>
        <p className="font-mono text-2xl tracking-wider text-slate-900" data-testid="one-time-password">
          {issued.oneTimePassword}
        </p>
        <p className="text-slate-700">
          Chỉ hiển thị lần này. Hãy in hoặc chuyển trực tiếp cho người dùng; khi đăng nhập lần đầu bằng mật khẩu này, họ phải đặt mật khẩu mới. Mọi phiên đăng nhập cũ của tài khoản đã kết thúc.
        </p>
        <div className="print:hidden">
          <Button type="button" variant="secondary" onClick={() => window.print()}>
            In
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <FormAlert message={error} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>Cấp mật khẩu dùng một lần mới cho {username}? Mật khẩu hiện tại sẽ không dùng được nữa.</span>
          <Button
            type="button"
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                setError(null);
                const result = await resetPasswordAction({ userId });
                if (!result.ok) {
                  setError(result.message);
                  setConfirming(false);
                  return;
                }
                setIssued(result.data);
              })
            }
          >
            {pending ? "Đang đặt lại…" : "Xác nhận đặt lại"}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
            Hủy
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Đặt lại mật khẩu
        </Button>
      )}
    </div>
  );
}
