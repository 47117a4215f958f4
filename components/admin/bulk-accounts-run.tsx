"use client";

import { useState, useTransition } from "react";
import { createAccountsInBulkAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";

type Issued = { username: string; fullName: string; scopeName: string; oneTimePassword: string };

function download(base64: string, name: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Runs the creation and shows the one-time passwords once: a printable table and the workbook.
 * Nothing here is stored; leaving the page loses the list (reset a password to issue a new one).
 */
export function BulkAccountsRun({ input, count }: { input: { target: string; kind: string; communeId: string }; count: number }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ accounts: Issued[]; workbookBase64: string } | null>(null);

  if (issued) {
    return (
      <div className="space-y-3" role="status" aria-label="Tài khoản đã tạo">
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 print:hidden">
          Đã tạo {issued.accounts.length.toLocaleString("vi-VN")} tài khoản. Mật khẩu dùng một lần chỉ hiển thị lần này: hãy in hoặc tải danh sách, giao riêng cho từng người.
        </p>
        <div className="flex gap-2 print:hidden">
          <Button type="button" onClick={() => download(issued.workbookBase64, "tai-khoan-moi.xlsx")}>Tải danh sách (.xlsx)</Button>
          <Button type="button" variant="secondary" onClick={() => window.print()}>In</Button>
        </div>
        <table className="min-w-full text-sm" data-testid="bulk-issued">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">Tên đăng nhập</th>
              <th className="px-3 py-2 font-medium">Mật khẩu dùng một lần</th>
              <th className="px-3 py-2 font-medium">Phụ trách</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {issued.accounts.map((a) => (
              <tr key={a.username}>
                <td className="px-3 py-2 font-mono text-xs">{a.username}</td>
                <td className="px-3 py-2 font-mono">{a.oneTimePassword}</td>
                <td className="px-3 py-2">{a.scopeName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <FormAlert message={error} />
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await createAccountsInBulkAction(input);
            if (!result.ok) {
              setError(result.message);
              return;
            }
            setIssued(result.data);
          })
        }
      >
        {pending ? "Đang tạo tài khoản…" : `Tạo ${count.toLocaleString("vi-VN")} tài khoản`}
      </Button>
    </div>
  );
}
