"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resendEmailAction } from "@/app/(app)/admin/email/actions";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useHydrated } from "@/components/ui/form";
import { useNotice } from "@/components/ui/notice";

/** "Gửi lại" a failed e-mail, after a confirmation; a refusal is shown in place. */
export function ResendEmailButton({ id, to }: { id: string; to: string }) {
  const router = useRouter();
  const notify = useNotice();
  const hydrated = useHydrated();
  const { ask, dialog } = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending || !hydrated}
        onClick={async () => {
          // Asked before the transition (components/ui/confirm-dialog.tsx).
          const ok = await ask({
            title: "Gửi lại thư này?",
            body: `Thư sẽ được gửi lại tới ${to}. Nếu lỗi là “không rõ đã gửi được hay chưa”, người nhận có thể nhận hai lần.`,
            confirmLabel: "Gửi lại",
          });
          if (!ok) return;
          setError(null);
          startTransition(async () => {
            const result = await resendEmailAction({ id });
            if (!result.ok) {
              setError(result.message);
              return;
            }
            notify(`Đã đưa thư gửi ${to} vào hàng chờ gửi.`);
            router.refresh();
          });
        }}
      >
        {pending ? "Đang gửi lại…" : "Gửi lại"}
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {dialog}
    </div>
  );
}
