"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { useDossierVersion } from "./dossier-version";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { useConfirm, type ConfirmText } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-field";
import { useNotice } from "@/components/ui/notice";

/**
 * A workflow button: sends {dossierId, version}; shows the server's Vietnamese refusal if any.
 * An irreversible step asks first (`confirm`) and says what it did (`done`).
 */
export function TransitionButton({
  label,
  dossierId,
  version,
  action,
  variant = "primary",
  confirm,
  done,
}: {
  label: string;
  dossierId: string;
  version: number;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  variant?: ButtonVariant;
  confirm?: ConfirmText;
  done?: string;
}) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [currentVersion] = useDossierVersion(version);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        onClick={async () => {
          if (confirm && !(await ask(confirm))) return;
          setError(null);
          start(async () => {
            const result = await action({ dossierId, version: currentVersion });
            if (!result.ok) setError(result.message);
            else if (done) notify(done);
            router.refresh();
          });
        }}
      >
        {pending ? "Đang xử lý…" : label}
      </Button>
      <FormAlert message={error} />
      {dialog}
    </div>
  );
}
