"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllReadAction, markReadAction } from "@/app/(app)/inbox/actions";
import { Button } from "@/components/ui/button";
import { useNotice } from "@/components/ui/notice";

/** "Đánh dấu đã đọc" on one notification. */
export function MarkReadButton({ id }: { id: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="shrink-0 text-right">
      <Button
        variant="secondary"
        className="text-xs"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await markReadAction({ ids: [id] });
            if (!result.ok) setError(result.message);
            else router.refresh();
          })
        }
      >
        {pending ? "Đang lưu…" : "Đánh dấu đã đọc"}
      </Button>
      {error && <p role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}

/** "Đánh dấu tất cả đã đọc". */
export function MarkAllReadButton() {
  const router = useRouter();
  const notify = useNotice();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="text-right">
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await markAllReadAction();
          if (!result.ok) setError(result.message);
          else {
            setError(null);
            notify(result.data > 0 ? `Đã đánh dấu ${result.data} thông báo là đã đọc.` : "Không còn thông báo chưa đọc.");
            router.refresh();
          }
        })
      }
    >
      {pending ? "Đang lưu…" : "Đánh dấu tất cả đã đọc"}
    </Button>
    {error && <p role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}
