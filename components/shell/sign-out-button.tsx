"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { useHydrated } from "@/components/ui/form";

/** `tone`: on the dark app bar (default) or on a white page. */
export function SignOutButton({ className = "", tone = "dark" }: { className?: string; tone?: "dark" | "light" }) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={pending || !hydrated}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login" });
      }}
      className={`rounded-md px-3 py-2 text-sm font-medium disabled:opacity-60 ${tone === "dark" ? "text-white/90 hover:bg-white/10" : "text-slate-700 hover:bg-slate-100"} ${className}`}
    >
      {pending ? "Đang đăng xuất…" : "Đăng xuất"}
    </button>
  );
}
