"use client";

import type { ReactNode } from "react";
import { createAuthoritySchema, createCommuneSchema, updateAuthoritySchema, updateCommuneSchema } from "@/lib/registry/area-authority-schemas";
import { AUTHORITY_KINDS, AUTHORITY_KIND_LABELS, COMMUNE_KINDS, COMMUNE_KIND_LABELS } from "@/lib/domain/vocabulary";
import { Form } from "@/components/ui/form";
import { useFormAction, versionOf, type FormAction, type FormActionState, type FormActionValues } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";

type Values = FormActionValues;
type Action = FormAction;
type Field = FormActionState;

/** The commune and authority forms: a created row opens its page; an edit keeps the new version. */
function useRegistryForm(schema: unknown, defaults: Values, action: Action, afterCreate: (id: string) => string, mode: "create" | "edit") {
  return useFormAction(schema, defaults, action, {
    editing: mode === "edit",
    saved: "Đã lưu thay đổi.",
    after: (data, { setValue }) => {
      if (mode === "create") return afterCreate((data as { id: string }).id);
      const version = versionOf(data);
      if (version !== undefined) setValue("version", version);
      return null;
    },
  });
}

function Shell({ f, label, submit, children }: { f: Field; label: string; submit: string; children: ReactNode }) {
  return (
    <Form onSubmit={f.onSubmit} className="max-w-2xl space-y-4" aria-label={label}>
      <FormAlert message={f.message?.text} tone={f.message?.tone} />
      {children}
      <Button type="submit" disabled={f.submitting}>{f.submitting ? "Đang lưu…" : submit}</Button>
    </Form>
  );
}

function Text({ f, name, label, hint }: { f: Field; name: string; label: string; hint?: string }) {
  return (
    <FormField id={name} label={label} error={f.err(name)} hint={hint} maxLength={f.limits[name]}>
      <TextInput id={name} autoComplete="off" aria-invalid={!!f.err(name)} {...f.register(name)} />
    </FormField>
  );
}

export function CommuneForm({ mode, defaults, action }: { mode: "create" | "edit"; defaults: Values; action: Action }) {
  const f = useRegistryForm(mode === "create" ? createCommuneSchema : updateCommuneSchema, defaults, action, (id) => `/admin/registry/communes/${id}`, mode);
  return (
    <Shell f={f} label={mode === "create" ? "Thêm xã, phường, đặc khu" : "Sửa xã, phường, đặc khu"} submit={mode === "create" ? "Thêm" : "Lưu thay đổi"}>
      {mode === "edit" && (
        <>
          <input type="hidden" {...f.register("areaId")} />
          <input type="hidden" {...f.register("version")} />
        </>
      )}
      <Text f={f} name="code" label="Mã" hint="Ví dụ: LCI-P01" />
      <Text f={f} name="name" label="Tên" hint="Ví dụ: Phường Lào Cai" />
      <FormField id="communeKind" label="Loại" error={f.err("communeKind")}>
        <Select id="communeKind" aria-invalid={!!f.err("communeKind")} {...f.register("communeKind")}>
          <option value="">— Chọn loại —</option>
          {COMMUNE_KINDS.map((k) => (
            <option key={k} value={k}>{COMMUNE_KIND_LABELS[k]}</option>
          ))}
        </Select>
      </FormField>
    </Shell>
  );
}

export function AuthorityForm({ mode, defaults, areas, action }: { mode: "create" | "edit"; defaults: Values; areas: { id: string; name: string }[]; action: Action }) {
  const f = useRegistryForm(mode === "create" ? createAuthoritySchema : updateAuthoritySchema, defaults, action, (id) => `/admin/registry/authorities/${id}`, mode);
  return (
    <Shell f={f} label={mode === "create" ? "Thêm cơ quan quản lý" : "Sửa cơ quan quản lý"} submit={mode === "create" ? "Thêm" : "Lưu thay đổi"}>
      {mode === "edit" && (
        <>
          <input type="hidden" {...f.register("authorityId")} />
          <input type="hidden" {...f.register("version")} />
        </>
      )}
      <Text f={f} name="code" label="Mã" hint="Ví dụ: SO-GDDT" />
      <Text f={f} name="name" label="Tên cơ quan" />
      <FormField id="kind" label="Loại cơ quan" error={f.err("kind")}>
        <Select id="kind" aria-invalid={!!f.err("kind")} {...f.register("kind")}>
          <option value="">— Chọn loại —</option>
          {AUTHORITY_KINDS.map((k) => (
            <option key={k} value={k}>{AUTHORITY_KIND_LABELS[k]}</option>
          ))}
        </Select>
      </FormField>
      <Text f={f} name="documentSymbol" label="Ký hiệu trên số văn bản" hint='Ví dụ: "UBND" trong "15/QĐ-UBND"' />
      <Text f={f} name="placeName" label="Địa danh ghi trên văn bản" hint="Ví dụ: Lào Cai" />
      <FormField id="areaId" label="Địa bàn" error={f.err("areaId")}>
        <Select id="areaId" aria-invalid={!!f.err("areaId")} {...f.register("areaId")}>
          <option value="">— Không gắn địa bàn (cấp Bộ) —</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
        </Select>
      </FormField>
    </Shell>
  );
}
