"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import type { z } from "zod";
import {
  CRIME_SEVERITIES,
  CRIME_SEVERITY_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  INCIDENT_PERSON_ROLE_LABELS,
  PERSON_BASIS_LABELS,
  type CrimeSeverity,
  type DisciplineLevel,
  type IncidentCode,
  type IncidentPersonRole,
  type PersonBasis,
} from "@/lib/domain/vocabulary";
import {
  basesFor,
  createIncidentSchema,
  DISCIPLINE_LEVELS_FOR_ROLE,
  FORCE_MAJEURE_CODES,
  PERSON_REQUIRED_CODES,
  personApplies,
  rolesFor,
  updateIncidentSchema,
} from "@/lib/records/incident-schemas";
import { Form, registerWithValue, useLastSaved } from "@/components/ui/form";
import { NO_CHANGES_MESSAGE } from "@/lib/validation/form-changes";
import { Button, LinkButton } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";
import { DateInput } from "@/components/ui/date-input";
import { isoToDateText } from "@/lib/domain/date-text";
import { CheckboxField, TextArea } from "./controls";
import { applyActionErrors, errorOf, type Action } from "./form-helpers";
import { maxLengths } from "@/lib/validation/max-length";

/** The text limits of the schema, for the character counters. */
const LIMITS = maxLengths(updateIncidentSchema);

type Defaults = {
  incidentId?: string;
  version?: number;
  code: IncidentCode | "";
  occurredOn: string;
  title: string;
  description: string;
  severity: CrimeSeverity | "";
  forceMajeure: boolean;
  detectedTimely: boolean;
  mitigated: boolean;
  reportedImmediately: boolean;
  personRole: IncidentPersonRole | "";
  personBasis: PersonBasis | "";
  disciplineLevel: DisciplineLevel | "";
};

type Props = {
  mode: "create" | "edit";
  unitId: string;
  year: number;
  today: string;
  /** Recorded by the police (a reviewer) rather than declared by the unit. */
  police: boolean;
  codes: { code: IncidentCode; label: string; ref: string }[];
  defaults?: Defaults;
  action: Action;
};

type FormValues = Omit<z.input<typeof updateIncidentSchema>, "code" | "severity" | "incidentId" | "version" | "personRole" | "personBasis" | "disciplineLevel"> & {
  incidentId?: string;
  version?: number;
  code: IncidentCode | "";
  severity: CrimeSeverity | "";
  personRole: IncidentPersonRole | "";
  personBasis: PersonBasis | "";
  disciplineLevel: DisciplineLevel | "";
};

const EMPTY: Defaults = {
  code: "",
  occurredOn: "",
  title: "",
  description: "",
  severity: "",
  forceMajeure: false,
  detectedTimely: false,
  mitigated: false,
  reportedImmediately: false,
  personRole: "",
  personBasis: "",
  disciplineLevel: "",
};

/** An incident of the catalogue for the unit's kind, with the facts its exemptions need. */
export function IncidentForm({ mode, unitId, year, today, police, codes, defaults = EMPTY, action }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const schema = mode === "create" ? createIncidentSchema : updateIncidentSchema;
  const {
    register: registerField,
    getValues,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(schema as typeof updateIncidentSchema) as unknown as Resolver<FormValues>,
    defaultValues: { unitId, ...defaults },
  });
  const register = registerWithValue({ register: registerField, getValues });
  // An edit saved unchanged is not sent (ADR 0016): no new version, no audit event for a non-event.
  const lastSaved = useLastSaved(getValues());
  const code = useWatch({ control, name: "code" });
  const personBasis = useWatch({ control, name: "personBasis" });
  const personRole = useWatch({ control, name: "personRole" });
  const isCrime = code === "SERIOUS_CRIME";
  // Who / basis / discipline are shown only where the code is about a person; the server
  // validates them all the same (lib/records/incident-schemas.ts) and clears what does not apply.
  const showPerson = personApplies(code);
  const personRequired = code !== "" && PERSON_REQUIRED_CODES.includes(code);
  const bases = basesFor(code);
  const showSeverity = isCrime || (personRequired && personBasis === "CRIME");
  const showDiscipline = personRequired && personBasis === "SOCIAL_EVIL";
  const disciplineLevels = personRole ? DISCIPLINE_LEVELS_FOR_ROLE[personRole] : [];
  const forceMajeureApplies = code !== "" && FORCE_MAJEURE_CODES.includes(code);
  const err = (name: string) => errorOf(errors, name);
  const listHref = `/units/${unitId}/records/incidents?year=${year}`;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    if (mode === "edit" && lastSaved.unchanged(getValues())) {
      setMessage({ text: NO_CHANGES_MESSAGE, tone: "success" });
      return;
    }
    const result = await action(values);
    if (!result.ok) {
      setMessage({ text: applyActionErrors(result, setError), tone: "error" });
      return;
    }
    router.push(listHref);
    router.refresh();
  });

  return (
    <Form onSubmit={onSubmit} className="max-w-3xl space-y-4" aria-label={police ? "Ghi nhận vụ việc" : "Khai báo vụ việc"}>
      {police && <p className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">Vụ việc được ghi là “Công an ghi nhận”: đơn vị xem được nhưng không sửa, xóa được.</p>}
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField id="code" label="Loại vụ việc (theo tiêu chí)" error={err("code")}>
        <Select id="code" aria-invalid={!!err("code")} {...register("code")}>
          <option value="">— Chọn loại vụ việc —</option>
          {codes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label} ({c.ref})
            </option>
          ))}
        </Select>
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="occurredOn" label="Ngày xảy ra" error={err("occurredOn")} hint={`Ngày/tháng/năm, không sau hôm nay (${isoToDateText(today)}).`}>
          <DateInput id="occurredOn" aria-invalid={!!err("occurredOn")} {...register("occurredOn")} />
        </FormField>
        {showSeverity && (
          <FormField
            id="severity"
            label="Loại tội phạm (Điều 9 Bộ luật Hình sự)"
            error={err("severity")}
            hint={isCrime ? "Để trống nếu chưa xác định; tiêu chí sẽ ở trạng thái thiếu dữ liệu." : "Tội phạm từ nghiêm trọng trở lên ghi nhận theo loại “Tội phạm từ nghiêm trọng trở lên”."}
          >
            <Select id="severity" aria-invalid={!!err("severity")} {...register("severity")}>
              <option value="">— Chưa xác định —</option>
              {CRIME_SEVERITIES.map((s) => (
                <option key={s} value={s}>{CRIME_SEVERITY_LABELS[s]}</option>
              ))}
            </Select>
          </FormField>
        )}
      </div>
      {showPerson && (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="incident-person-fields">
          <legend className="px-1 text-sm font-semibold text-slate-900">Người vi phạm</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField
              id="personRole"
              label={personRequired ? "Người vi phạm là" : "Người vi phạm là (nếu có)"}
              error={err("personRole")}
              hint={isCrime ? "Ở cơ sở giáo dục, tội phạm do cán bộ, người lao động, giáo viên hoặc người học thực hiện được xét cả Điều 7 khoản 4." : undefined}
            >
              <Select id="personRole" aria-invalid={!!err("personRole")} {...register("personRole")}>
                <option value="">{personRequired ? "— Chọn người vi phạm —" : "— Không xác định —"}</option>
                {rolesFor(code).map((r) => (
                  <option key={r} value={r}>{INCIDENT_PERSON_ROLE_LABELS[r]}</option>
                ))}
              </Select>
            </FormField>
            {personRequired && (
              <FormField id="personBasis" label="Căn cứ" error={err("personBasis")}>
                <Select id="personBasis" aria-invalid={!!err("personBasis")} {...register("personBasis")}>
                  <option value="">— Chọn căn cứ —</option>
                  {bases.map((b) => (
                    <option key={b} value={b}>{PERSON_BASIS_LABELS[b]}</option>
                  ))}
                </Select>
              </FormField>
            )}
            {showDiscipline && (
              <FormField id="disciplineLevel" label="Hình thức kỷ luật" error={err("disciplineLevel")} hint="Chỉ từ cảnh cáo trở lên mới làm đơn vị không đạt tiêu chí.">
                <Select id="disciplineLevel" aria-invalid={!!err("disciplineLevel")} {...register("disciplineLevel")}>
                  <option value="">{personRole ? "— Chọn hình thức kỷ luật —" : "— Chọn người vi phạm trước —"}</option>
                  {disciplineLevels.map((l) => (
                    <option key={l} value={l}>{DISCIPLINE_LEVEL_LABELS[l]}</option>
                  ))}
                </Select>
              </FormField>
            )}
          </div>
        </fieldset>
      )}
      <FormField id="title" label="Tên vụ việc" error={err("title")} maxLength={LIMITS.title}>
        <TextInput id="title" aria-invalid={!!err("title")} {...register("title")} />
      </FormField>
      <FormField id="description" label="Mô tả (nếu có)" error={err("description")} maxLength={LIMITS.description}>
        <TextArea id="description" aria-invalid={!!err("description")} {...register("description")} />
      </FormField>
      {(forceMajeureApplies || isCrime) && (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-900">Trường hợp được loại trừ</legend>
          {forceMajeureApplies && <CheckboxField id="forceMajeure" label="Do nguyên nhân bất khả kháng" error={err("forceMajeure")} {...register("forceMajeure")} />}
          {isCrime && (
            <>
              <CheckboxField id="detectedTimely" label="Được phát hiện kịp thời" error={err("detectedTimely")} {...register("detectedTimely")} />
              <CheckboxField id="mitigated" label="Đã phối hợp hạn chế, giảm thiểu hậu quả" error={err("mitigated")} {...register("mitigated")} />
              <CheckboxField id="reportedImmediately" label="Đã báo cáo ngay cơ quan có thẩm quyền" error={err("reportedImmediately")} {...register("reportedImmediately")} />
              <p className="text-xs text-slate-500">Tội phạm được loại trừ khi do bất khả kháng, hoặc khi cả ba điều kiện trên đều đúng (Điều 4 khoản 4 điểm b; Điều 6 khoản 3 điểm đ).</p>
            </>
          )}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Đang lưu…" : mode === "edit" ? "Lưu thay đổi" : police ? "Ghi nhận vụ việc" : "Khai báo vụ việc"}
        </Button>
        <LinkButton href={listHref} variant="secondary">Hủy</LinkButton>
      </div>
    </Form>
  );
}
