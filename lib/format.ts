import { format } from "date-fns";
import { vi } from "date-fns/locale";

/** dd/MM/yyyy, the Vietnamese administrative format. Date-only columns are read in UTC. */
export function formatDate(value: Date | null | undefined): string {
  if (!value) return "—";
  return format(new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()), "dd/MM/yyyy", { locale: vi });
}

export function formatDateTime(value: Date | null | undefined): string {
  if (!value) return "—";
  return format(value, "HH:mm dd/MM/yyyy", { locale: vi });
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat("vi-VN").format(value);
}

export function formatPercent(numerator: number, denominator: number): string {
  if (denominator === 0) return "—";
  return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format((numerator * 100) / denominator)}%`;
}
