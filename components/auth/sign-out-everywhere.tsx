"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { revokeAllSessionsAction } from "@/app/(app)/account/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <FormAlert message={error} />
      <Button
        variant="danger"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await revokeAllSessionsAction();
          if (!result.ok) {
            setError(result.message);
            setPending(false);
            return;
          }
          await signOut({ callbackUrl: "/login" });
        }}
      >
        {pending ? "Đang xử lý…" : "Đăng xuất trên mọi thiết bị"}
      </Button>
    </div>
  );
}
