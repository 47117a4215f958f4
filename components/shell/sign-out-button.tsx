"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { useHydrated } from "@/components/ui/form";

export function SignOutButton({ className = "" }: { className?: string }) {
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
      className={`rounded-md px-3 py-2 text-sm font-medium text-white/90 hover:bg-white/10 disabled:opacity-60 ${className}`}
    >
      {pending ? "Đang đăng xuất…" : "Đăng xuất"}
    </button>
  );
}
