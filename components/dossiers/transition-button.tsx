"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/validation/action-result";
import { useDossierVersion } from "./dossier-version";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";

/** A workflow button: sends {dossierId, version}; shows the server's Vietnamese refusal if any. */
export function TransitionButton({
  label,
  dossierId,
  version,
  action,
  variant = "primary",
  confirm,
}: {
  label: string;
  dossierId: string;
  version: number;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  variant?: ButtonVariant;
  confirm?: string;
}) {
  const router = useRouter();
  const [currentVersion] = useDossierVersion(version);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          setError(null);
          start(async () => {
            const result = await action({ dossierId, version: currentVersion });
            if (!result.ok) setError(result.message);
            router.refresh();
          });
        }}
      >
        {pending ? "Đang xử lý…" : label}
      </Button>
      <FormAlert message={error} />
    </div>
  );
}
