"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type Notice = { message: string; path: string };
const NoticeContext = createContext<(message: string, options?: { path?: string }) => void>(() => {});

/**
 * Says what an action did (issue 11 §2: "says what happened afterwards"). The button that acted is
 * often gone once the page refreshes (a returned dossier has no "Trả lại" button), so the message
 * lives in the signed-in layout, which survives the refresh. It shows on the page it was given for
 * (or the page the action goes to) and disappears when the person moves on or closes it.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((message: string, options?: { path?: string }) => setNotice({ message, path: options?.path ?? window.location.pathname }), []);
  const shown = notice && notice.path === pathname ? notice : null;
  return (
    <NoticeContext.Provider value={notify}>
      <div role="status" aria-live="polite" className="empty:hidden" data-testid="notice">
        {shown && (
          <div className="mb-4 flex items-start justify-between gap-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">
            <span>{shown.message}</span>
            <button type="button" className="text-green-900 hover:underline" onClick={() => setNotice(null)}>
              Đóng
            </button>
          </div>
        )}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

/**
 * The `path` option for an action that then goes to `href` (router.push): the notice belongs on
 * the page it goes to. Without it the notice is given for the page the action left, shows only
 * while the next page loads and is gone when it arrives.
 */
export function noticeOn(href: string): { path: string } {
  return { path: new URL(href, window.location.href).pathname };
}

/** `notify(message)` after an action succeeded; with `noticeOn(href)` when the action then navigates there. */
export function useNotice() {
  return useContext(NoticeContext);
}
