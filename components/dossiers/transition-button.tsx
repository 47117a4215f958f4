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
  blockedBy,
}: {
  label: string;
  dossierId: string;
  version: number;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  variant?: ButtonVariant;
  confirm?: ConfirmText;
  /** What to tell the person once done (a `notice` the action returns takes precedence: it can count what it did). */
  done?: string;
  /** The transition table's reasons why the action cannot be taken yet: the button is disabled and says why. */
  blockedBy?: readonly string[];
}) {
  const router = useRouter();
  const notify = useNotice();
  const { ask, dialog } = useConfirm();
  const [currentVersion, setVersion] = useDossierVersion(version);
  const blocked = blockedBy && blockedBy.length > 0;
  const hintId = `${label}-blocked`.replace(/\s+/g, "-");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant={variant}
        disabled={pending || blocked}
        aria-describedby={blocked ? hintId : undefined}
        onClick={async () => {
          if (confirm && !(await ask(confirm))) return;
          setError(null);
          start(async () => {
            const result = await action({ dossierId, version: currentVersion });
            if (!result.ok) setError(result.message);
            else {
              // A use-case that bumps the version returns it: the next click must not look stale.
              const data = result.data as { version?: unknown; notice?: unknown } | undefined;
              if (typeof data?.version === "number") setVersion(data.version);
              const notice = typeof data?.notice === "string" ? data.notice : done;
              if (notice) notify(notice);
            }
            router.refresh();
          });
        }}
      >
        {pending ? "Đang xử lý…" : label}
      </Button>
      {blocked && (
        <p id={hintId} className="max-w-prose text-sm text-amber-800" data-testid="blocked-reason">
          {blockedBy.join(" ")}
        </p>
      )}
      <FormAlert message={error} />
      {dialog}
    </div>
  );
}
