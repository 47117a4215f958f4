"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { unlockUserAction } from "@/app/(app)/admin/users/actions";
import { useHydrated } from "@/components/ui/form";

export function UnlockButton({ userId }: { userId: string }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={pending || !hydrated}
      className="text-xs text-brand-700 underline disabled:opacity-60"
      onClick={() =>
        start(async () => {
          await unlockUserAction({ userId });
          router.refresh();
        })
      }
    >
      {pending ? "Đang mở khóa…" : "Mở khóa"}
    </button>
  );
}
