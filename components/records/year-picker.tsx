"use client";

import { usePathname, useRouter } from "next/navigation";
import { Select } from "@/components/ui/form-field";

/** Chooses the evaluation year the records pages show (?year=). */
export function YearPicker({ year, years }: { year: number; years: number[] }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="whitespace-nowrap font-medium text-slate-700">Năm đánh giá</span>
      <Select aria-label="Năm đánh giá" className="w-28" value={year} onChange={(e) => router.push(`${pathname}?year=${e.target.value}`)}>
        {years.map((y) => (
          <option key={y} value={y}>{y}</option>
        ))}
      </Select>
    </label>
  );
}
