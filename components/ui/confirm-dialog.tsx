"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";

/** What an irreversible action says before it runs: what happens, restated in Vietnamese. */
export type ConfirmText = {
  title: string;
  /** The consequence, in the words the person will recognise afterwards. */
  body: ReactNode;
  /** The confirming button; names the act ("Trả lại hồ sơ"), never a bare "OK". */
  confirmLabel: string;
  tone?: "primary" | "danger";
};

/**
 * Asks once before an irreversible action (issue 11 §2). A native modal <dialog>: focus is kept
 * inside, Escape cancels, and the buttons speak Vietnamese whatever the browser's language (the
 * browser's own confirm box says "OK / Cancel" in an English browser). "Hủy" has the focus, so
 * Enter pressed by habit does not act.
 *
 *     const { ask, dialog } = useConfirm();
 *     if (!(await ask({ title, body, confirmLabel }))) return;
 */
export function useConfirm(): { ask: (text: ConfirmText) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<{ text: ConfirmText; resolve: (ok: boolean) => void } | null>(null);
  const ask = useCallback((text: ConfirmText) => new Promise<boolean>((resolve) => setPending({ text, resolve })), []);
  const settle = useCallback(
    (ok: boolean) => {
      pending?.resolve(ok);
      setPending(null);
    },
    [pending],
  );
  const dialog = pending ? <ConfirmDialog text={pending.text} onSettle={settle} /> : null;
  return { ask, dialog };
}

function ConfirmDialog({ text, onSettle }: { text: ConfirmText; onSettle: (ok: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
      onCancel={(e) => {
        e.preventDefault();
        onSettle(false);
      }}
    >
      <div className="space-y-3 p-5">
        <h2 id="confirm-title" className="text-lg font-semibold text-slate-900">
          {text.title}
        </h2>
        <div id="confirm-body" className="space-y-2 text-sm text-slate-700">
          {text.body}
        </div>
        <div className="flex flex-wrap justify-end gap-2 pt-2">
          <Button type="button" variant="secondary" autoFocus onClick={() => onSettle(false)}>
            Hủy
          </Button>
          <Button type="button" variant={text.tone === "danger" ? "danger" : "primary"} onClick={() => onSettle(true)}>
            {text.confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
