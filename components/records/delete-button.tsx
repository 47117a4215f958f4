"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";
import type { Action } from "./form-helpers";

/** Deletes after a confirmation, then goes back to the list; a refusal is shown in place. */
export function DeleteButton({ label, confirmText, input, action, redirectTo }: { label: string; confirmText: string; input: object; action: Action; redirectTo: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <FormAlert message={error} />
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(confirmText)) return;
          setError(null);
          startTransition(async () => {
            const result = await action(input);
            if (!result.ok) {
              setError(result.message);
              return;
            }
            router.push(redirectTo);
            router.refresh();
          });
        }}
      >
        {pending ? "Đang xóa…" : label}
      </Button>
    </div>
  );
}
