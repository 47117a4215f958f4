"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { createUnitSchema, updateUnitSchema } from "@/lib/registry/unit-schemas";
import { maxLengths } from "@/lib/validation/max-length";
import {
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_LABELS,
  EXCLUSION_REASONS,
  EXCLUSION_REASON_KINDS,
  EXCLUSION_REASON_LABELS,
  RESIDENTIAL_AREA_TYPES,
  RESIDENTIAL_AREA_TYPE_LABELS,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  type UnitKind,
} from "@/lib/domain/vocabulary";
import { SECTORS, SECTOR_LABELS } from "@/lib/reports/exports/labels";
import type { ActionResult } from "@/lib/validation/action-result";
import { Form, registerWithValue, useLastSaved } from "@/components/ui/form";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";

type Option = { id: string; name: string };
export type UnitFormValues = Record<string, string | number | boolean | undefined>;

type Props = {
  mode: "create" | "edit";
  communes: Option[];
  authorities: Option[];
  defaults: UnitFormValues;
  action: (input: unknown) => Promise<ActionResult<{ id: string; version?: number }>>;
};

/** Create a unit of the registry, or edit one; the same zod schema as the server action. */
export function UnitForm({ mode, communes, authorities, defaults, action }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const schema = mode === "create" ? createUnitSchema : updateUnitSchema;
  const limits = maxLengths(schema);
  const {
    register: registerField,
    getValues,
    setValue,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
    // One form serves two schemas, so its values are typed loosely; the schema still validates them.
  } = useForm<FieldValues>({ resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>, defaultValues: defaults });
  const register = registerWithValue({ register: registerField, getValues });
  const lastSaved = useLastSaved(defaults);
  // A dated change on the same page (placement form, status card) moves the unit's version: the
  // next save is checked against the version the page now shows, not the one it opened with.
  useEffect(() => {
    if (mode === "edit" && defaults.version !== undefined) setValue("version", defaults.version);
  }, [mode, defaults.version, setValue]);
  const kind = useWatch({ control, name: "kind" }) as UnitKind | "" | undefined;
  const err = (name: string) => (errors as Record<string, { message?: string } | undefined>)[name]?.message;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    if (mode === "edit" && lastSaved.unchanged(getValues())) {
      setMessage({ text: NO_CHANGES_MESSAGE, tone: "success" });
      return;
    }
    const result = await action(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<FieldValues>, { message: messages.join(" ") });
      setMessage({ text: result.message, tone: "error" });
      return;
    }
    if (mode === "create") {
      router.push(`/admin/registry/units/${result.data.id}`);
    } else {
      // The next save is checked against the version just written.
      if (result.data.version !== undefined) setValue("version", result.data.version);
      lastSaved.remember(getValues());
      setMessage({ text: "Đã lưu thay đổi.", tone: "success" });
    }
    router.refresh();
  });

  const exclusionChoices = EXCLUSION_REASONS.filter((r) => !kind || EXCLUSION_REASON_KINDS[r].includes(kind));

  return (
    <Form onSubmit={onSubmit} className="max-w-3xl space-y-4" aria-label={mode === "create" ? "Thêm đơn vị" : "Sửa thông tin đơn vị"}>
      <FormAlert message={message?.text} tone={message?.tone} />
      {mode === "edit" && (
        <>
          <input type="hidden" {...register("unitId")} />
          <input type="hidden" {...register("version")} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="code" label="Mã đơn vị" error={err("code")} maxLength={limits.code} hint="Ví dụ: CQ-STP, KDC-LCI-P01-001">
          <TextInput id="code" autoComplete="off" aria-invalid={!!err("code")} {...register("code")} />
        </FormField>
        <FormField id="kind" label="Loại đơn vị" error={err("kind")}>
          <Select id="kind" aria-invalid={!!err("kind")} {...register("kind")}>
            <option value="">— Chọn loại —</option>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>
            ))}
          </Select>
        </FormField>
      </div>
      <FormField id="name" label="Tên đơn vị" error={err("name")} maxLength={limits.name}>
        <TextInput id="name" aria-invalid={!!err("name")} {...register("name")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="communeId" label="Xã, phường, đặc khu" error={err("communeId")}>
          <Select id="communeId" aria-invalid={!!err("communeId")} {...register("communeId")}>
            <option value="">— Chọn xã, phường —</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </Select>
        </FormField>
        <FormField id="managingAuthorityId" label="Cơ quan quản lý" error={err("managingAuthorityId")}>
          <Select id="managingAuthorityId" aria-invalid={!!err("managingAuthorityId")} {...register("managingAuthorityId")}>
            <option value="">— Chọn cơ quan —</option>
            {authorities.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </Select>
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="sector" label="Lĩnh vực" error={err("sector")} hint={kind === "CQ" || kind === "DN" ? "Bắt buộc với cơ quan, doanh nghiệp." : undefined}>
          <Select id="sector" aria-invalid={!!err("sector")} {...register("sector")}>
            <option value="">— Không chọn —</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>{SECTOR_LABELS[s]}</option>
            ))}
          </Select>
        </FormField>
        {kind === "KDC" && (
          <FormField id="residentialAreaType" label="Loại khu dân cư" error={err("residentialAreaType")}>
            <Select id="residentialAreaType" aria-invalid={!!err("residentialAreaType")} {...register("residentialAreaType")}>
              <option value="">— Chọn loại —</option>
              {RESIDENTIAL_AREA_TYPES.map((r) => (
                <option key={r} value={r}>{RESIDENTIAL_AREA_TYPE_LABELS[r]}</option>
              ))}
            </Select>
          </FormField>
        )}
        {kind === "CSGD" && (
          <FormField id="educationLevel" label="Cấp học" error={err("educationLevel")}>
            <Select id="educationLevel" aria-invalid={!!err("educationLevel")} {...register("educationLevel")}>
              <option value="">— Chọn cấp học —</option>
              {EDUCATION_LEVELS.map((l) => (
                <option key={l} value={l}>{EDUCATION_LEVEL_LABELS[l]}</option>
              ))}
            </Select>
          </FormField>
        )}
      </div>
      {exclusionChoices.length > 0 && (
        <FormField id="exclusionReason" label="Không thuộc diện đánh giá (Điều 1 khoản 2 điểm b)" error={err("exclusionReason")}>
          <Select id="exclusionReason" aria-invalid={!!err("exclusionReason")} {...register("exclusionReason")}>
            <option value="">— Thuộc diện đánh giá —</option>
            {exclusionChoices.map((r) => (
              <option key={r} value={r}>{EXCLUSION_REASON_LABELS[r]}</option>
            ))}
          </Select>
        </FormField>
      )}
      <FormField id="address" label="Địa chỉ" error={err("address")} maxLength={limits.address}>
        <TextInput id="address" aria-invalid={!!err("address")} {...register("address")} />
      </FormField>
      <div className="space-y-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("hasPartyOrganisation")} /> Có tổ chức Đảng
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("hasSecurityForce")} /> Có lực lượng bảo vệ chuyên trách
        </label>
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Đang lưu…" : mode === "create" ? "Thêm đơn vị" : "Lưu thay đổi"}</Button>
      </div>
    </Form>
  );
}
