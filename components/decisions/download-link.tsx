import type { ComponentProps } from "react";

const styles = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
} as const;

/**
 * A file download styled as a button. A plain <a download>, not next/link: the target is a route
 * handler returning a .docx, not a page to navigate to.
 */
export function DownloadLink({ variant = "secondary", className = "", ...props }: ComponentProps<"a"> & { variant?: keyof typeof styles }) {
  return (
    <a
      download
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors ${styles[variant]} ${className}`}
      {...props}
    />
  );
}
