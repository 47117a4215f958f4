"use client";

/**
 * The dashboard's charts (recharts renders SVG in the browser, hence a client module). Each chart
 * is a picture of a table printed next to it (components/dashboard/*-section.tsx): screen readers
 * get the chart's one-line summary and are sent to the table for the numbers.
 */
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const BRAND = "#1d4ed8";
const COLORS = { eligible: "#94a3b8", registered: "#2563eb", recognised: "#16a34a" } as const;
const numberFormat = new Intl.NumberFormat("vi-VN");
const formatCount = (value: unknown) => (typeof value === "number" ? numberFormat.format(value) : String(value ?? ""));

/** A chart area announced as one image whose numbers are in the table `tableId`. */
function ChartFrame({ label, tableId, height, children }: { label: string; tableId: string; height: number; children: React.ReactElement }) {
  return (
    <div role="img" aria-label={`${label} Số liệu chi tiết trong bảng ngay sau biểu đồ.`} aria-describedby={tableId} className="w-full min-w-0 overflow-hidden" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 520, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export type BarDatum = { label: string; value: number };

/** Horizontal bars, one per step or category, with the value at the end of each bar. */
export function HorizontalBarChart({ data, label, tableId, labelWidth = 150, color = BRAND }: { data: BarDatum[]; label: string; tableId: string; labelWidth?: number; color?: string }) {
  const height = Math.max(160, data.length * 40 + 40);
  return (
    <ChartFrame label={label} tableId={tableId} height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} fontSize={12} />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          fontSize={12}
          interval={0}
          tickFormatter={(text: string) => (text.length > 42 ? `${text.slice(0, 40)}…` : text)}
        />
        <Tooltip formatter={(value) => [formatCount(value), "Số lượng"]} />
        <Bar dataKey="value" name="Số lượng" fill={color} isAnimationActive={false} radius={[0, 3, 3, 0]}>
          <LabelList dataKey="value" position="right" formatter={formatCount} fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** A year the cycle was not run in the application has nulls: a gap in the lines, not a fall to zero. */
export type TrendDatum = { year: number; eligible: number | null; registered: number | null; recognised: number | null };

/** Eligible, registered and recognised units over the five years. */
export function TrendLineChart({ data, label, tableId }: { data: TrendDatum[]; label: string; tableId: string }) {
  return (
    <ChartFrame label={label} tableId={tableId} height={260}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="year" fontSize={12} />
        <YAxis allowDecimals={false} tickFormatter={formatCount} fontSize={12} width={48} />
        <Tooltip formatter={(value, name) => [formatCount(value), name]} labelFormatter={(year) => `Năm ${year}`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="monotone" dataKey="eligible" name="Thuộc diện" stroke={COLORS.eligible} strokeDasharray="4 3" isAnimationActive={false} />
        <Line type="monotone" dataKey="registered" name="Đã đăng ký" stroke={COLORS.registered} strokeWidth={2} isAnimationActive={false} />
        <Line type="monotone" dataKey="recognised" name="Được công nhận" stroke={COLORS.recognised} strokeWidth={2} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
