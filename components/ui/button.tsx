"use client";

import { Link } from "@/components/ui/link";
import type { ComponentProps } from "react";
import { useHydrated } from "./form";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60";
const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  danger: "bg-red-600 text-white hover:bg-red-700",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;

export type ButtonVariant = keyof typeof variants;

/**
 * A button whose action is script (an onClick) is disabled until the page's scripts run: before
 * that a click does nothing at all, and someone on a slow connection would think it failed.
 */
export function Button({ variant = "primary", className = "", disabled, ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  const hydrated = useHydrated();
  return <button className={`${base} ${variants[variant]} ${className}`} disabled={disabled || (!!props.onClick && !hydrated)} {...props} />;
}

export function LinkButton({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={`${base} ${variants[variant]} ${className}`} {...props} />;
}
