"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

/**
 * The dossier version the person is looking at, shared by every form on the page. A save returns
 * the new version and updates it here at once, so the next action (e.g. "Nộp hồ sơ") is not
 * mistaken for a concurrent edit while the page is still refreshing. The larger of the local and
 * the server's version wins, so a refresh bringing someone else's newer version is honoured
 * without remounting the forms (which would drop their "Đã lưu." messages).
 */
const DossierVersionContext = createContext<{ version: number; setVersion: (v: number) => void } | null>(null);

export function DossierVersionProvider({ version, children }: { version: number; children: ReactNode }) {
  const [current, setVersion] = useState(version);
  return <DossierVersionContext.Provider value={{ version: Math.max(current, version), setVersion }}>{children}</DossierVersionContext.Provider>;
}

/** The shared version when inside a provider, else the one passed as a prop. */
export function useDossierVersion(fallback: number): [number, (v: number) => void] {
  const ctx = useContext(DossierVersionContext);
  return ctx ? [ctx.version, ctx.setVersion] : [fallback, () => {}];
}
