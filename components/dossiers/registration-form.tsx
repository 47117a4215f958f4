"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { registrationFormSchema, registrationSchema } from "@/lib/dossiers/dossier-schemas";
import { maxLengths } from "@/lib/validation/max-length";

import type { ActionResult } from "@/lib/validation/action-result";
import { Form, registerWithValue } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { FormAlert, FormField, Select, TextInput } from "@/components/ui/form-field";
import { DateInput } from "@/components/ui/date-input";

/** The text limits of the schema (the form's own schema hands its fields on to it), for the character counters. */
const LIMITS = maxLengths(registrationSchema);

type Props = {
  unitId: string;
  year: number;
  needsPartyResolution: boolean;
  needsPlan: boolean;
  deadline: string;
  action: (input: unknown) => Promise<ActionResult<{ dossierId: string; late: boolean }>>;
};

/** Đăng ký phấn đấu: the registration documents and the unit's own plan targets. */
export function RegistrationForm({ unitId, year, needsPartyResolution, needsPlan, deadline, action }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const {
    register: registerField,
    getValues,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FieldValues>({
    resolver: zodResolver(registrationFormSchema as never) as unknown as Resolver<FieldValues>,
    defaultValues: { unitId, year, targetSubUnitsComparator: ">=", noDisciplineFrom: "" },
  });
  const register = registerWithValue({ register: registerField, getValues });
  const err = (name: string) => (errors as Record<string, { message?: string } | undefined>)[name]?.message;

  const onSubmit = handleSubmit(async (_parsed, event) => {
    setMessage(null);
    // Send what the person typed; the server parses it with the same schema.
    const form = new FormData(event?.target as HTMLFormElement);
    const result = await action(Object.fromEntries(form.entries()));
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<FieldValues>, { message: messages.join(" ") });
      setMessage(result.message);
      return;
    }
    router.refresh();
  });

  const doc = (refName: string, dateName: string, label: string, hint?: string) => (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField id={refName} label={`Số, ký hiệu ${label}`} error={err(refName)} hint={hint} maxLength={LIMITS[refName]}>
        <TextInput id={refName} aria-invalid={!!err(refName)} {...register(refName)} />
      </FormField>
      <FormField id={dateName} label={`Ngày ${label}`} error={err(dateName)}>
        <DateInput id={dateName} aria-invalid={!!err(dateName)} {...register(dateName)} />
      </FormField>
    </div>
  );

  return (
    <Form onSubmit={onSubmit} className="space-y-5" aria-label="Đăng ký phấn đấu">
      <FormAlert message={message} />
      <input type="hidden" {...register("unitId")} />
      <input type="hidden" {...register("year")} />
      <p className="text-sm text-slate-600">
        Hạn đăng ký trong quý I (đến {deadline.split("-").reverse().join("/")}). Đăng ký sau thời hạn vẫn được tiếp nhận nhưng được ghi nhận là đăng ký muộn.
      </p>
      {needsPartyResolution && doc("partyResolutionRef", "partyResolutionOn", "nghị quyết", "Nghị quyết chuyên đề hoặc nghị quyết lãnh đạo có nội dung bảo đảm ANTT của cấp ủy, chi bộ.")}
      {needsPlan && doc("planRef", "planOn", "kế hoạch", "Kế hoạch bảo đảm an ninh, trật tự năm của đơn vị.")}
      {doc("commitmentRef", "commitmentOn", "bản đăng ký", "Bản đăng ký phấn đấu đạt tiêu chuẩn “An toàn về an ninh, trật tự”.")}
      <FormField id="registeredOn" label="Ngày đăng ký" error={err("registeredOn")} hint="Để trống nếu đăng ký hôm nay.">
        <DateInput id="registeredOn" className="sm:w-60" {...register("registeredOn")} />
      </FormField>

      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Chỉ tiêu kế hoạch của đơn vị (nếu cao hơn mức tối thiểu của Thông tư)</legend>
        <p className="mb-3 text-xs text-slate-500">Chỉ tiêu riêng được theo dõi bên cạnh kết quả theo Thông tư, không làm thay đổi kết luận đạt/chưa đạt.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="grid grid-cols-[7rem_1fr] items-end gap-2">
            <FormField id="targetSubUnitsComparator" label="So sánh">
              <Select id="targetSubUnitsComparator" {...register("targetSubUnitsComparator")}>
                <option value=">=">từ … trở lên</option>
                <option value=">">trên …</option>
              </Select>
            </FormField>
            <FormField id="targetSubUnitsPercent" label="% phòng, ban đạt TTLĐTT/HTTNV" error={err("targetSubUnitsPercent")}>
              <TextInput id="targetSubUnitsPercent" inputMode="decimal" placeholder="ví dụ 90" {...register("targetSubUnitsPercent")} />
            </FormField>
          </div>
          <FormField id="targetAdvancedWorkersPercent" label="% cán bộ đạt “Lao động tiên tiến” (từ … trở lên)" error={err("targetAdvancedWorkersPercent")}>
            <TextInput id="targetAdvancedWorkersPercent" inputMode="decimal" {...register("targetAdvancedWorkersPercent")} />
          </FormField>
          <FormField id="targetEmulationSoldiersPercent" label="% đạt “Chiến sĩ thi đua cơ sở” (từ … trở lên)" error={err("targetEmulationSoldiersPercent")}>
            <TextInput id="targetEmulationSoldiersPercent" inputMode="decimal" {...register("targetEmulationSoldiersPercent")} />
          </FormField>
          <FormField id="targetCommitmentPercent" label="% cán bộ ký cam kết thi đua (từ … trở lên)" error={err("targetCommitmentPercent")}>
            <TextInput id="targetCommitmentPercent" inputMode="decimal" {...register("targetCommitmentPercent")} />
          </FormField>
          <FormField id="noDisciplineFrom" label="Không có cán bộ bị kỷ luật từ mức">
            <Select id="noDisciplineFrom" {...register("noDisciplineFrom")}>
              <option value="">— Theo Thông tư (từ cảnh cáo) —</option>
              <option value="KHIEN_TRACH">Khiển trách trở lên</option>
              <option value="CANH_CAO">Cảnh cáo trở lên</option>
            </Select>
          </FormField>
        </div>
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Đang gửi…" : "Đăng ký phấn đấu"}</Button>
    </Form>
  );
}
