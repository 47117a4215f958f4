"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-field";
import { noticeOn, useNotice } from "@/components/ui/notice";
import type { Action } from "./form-helpers";

/**
 * Deletes after a confirmation (`confirmText` is its question), then goes back to the list and
 * says so there; a refusal is shown in place.
 */
export function DeleteButton({ label, confirmText, done, input, action, redirectTo }: { label: string; confirmText: string; done: string; input: object; action: Action; redirectTo: string }) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <FormAlert message={error} />
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={async () => {
          if (!(await ask({ title: confirmText, body: "Bản ghi bị xóa khỏi sổ theo dõi của đơn vị và không khôi phục được; việc xóa được ghi vào nhật ký hệ thống.", confirmLabel: label, tone: "danger" }))) return;
          setError(null);
          startTransition(async () => {
            const result = await action(input);
            if (!result.ok) {
              setError(result.message);
              return;
            }
            notify(done, noticeOn(redirectTo));
            router.push(redirectTo);
            router.refresh();
          });
        }}
      >
        {pending ? "Đang xóa…" : label}
      </Button>
      {dialog}
    </div>
  );
}
