"use client";

import { FormField, Select, TextInput } from "@/components/ui/form-field";
import { DateInput } from "@/components/ui/date-input";
import { ActionForm, textArea, type FieldErrors } from "./action-form";
import {
  addCollectiveNomineeAction,
  addIndividualNomineeAction,
  createProposalAction,
  recordAwardDecisionAction,
  removeNomineeAction,
  submitProposalAction,
  withdrawProposalAction,
} from "@/app/(app)/commendations/actions";

type Ref = { proposalId: string; version: number };
const err = (errors: FieldErrors, name: string) => errors[name];
const described = (errors: FieldErrors, id: string, name: string) => (errors[name] ? `${id}-error` : undefined);

export function NewProposalForm({ years, year, kinds }: { years: number[]; year: number; kinds: { value: string; label: string }[] }) {
  return (
    <ActionForm
      action={createProposalAction}
      fixed={{}}
      label="Lập đề nghị khen thưởng"
      submitLabel="Lập đề nghị"
      success={() => "Đã lập đề nghị khen thưởng."}
      redirectTo={(d) => `/commendations/${d.id}`}
    >
      {(errors) => (
        <>
          <FormField id="year" label="Năm" error={err(errors, "year")}>
            <Select id="year" name="year" defaultValue={String(year)} aria-invalid={!!errors.year} aria-describedby={described(errors, "year", "year")}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="awardKind" label="Hình thức khen thưởng" error={err(errors, "awardKind")}>
            <Select id="awardKind" name="awardKind" defaultValue="" aria-invalid={!!errors.awardKind} aria-describedby={described(errors, "awardKind", "awardKind")}>
              <option value="">— Chọn hình thức —</option>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="title" label="Tiêu đề (để trống: tự đặt theo hình thức và năm)" error={err(errors, "title")} maxLength={300}>
            <TextInput id="title" name="title" maxLength={300} autoComplete="off" aria-invalid={!!errors.title} aria-describedby={described(errors, "title", "title")} />
          </FormField>
        </>
      )}
    </ActionForm>
  );
}

/** One candidate's "add" form: the achievement to print in the tờ trình. */
export function AddCollectiveForm({ proposal, subject, name }: { proposal: Ref; subject: { unitId: string | null; participantId: string | null }; name: string }) {
  const id = `achievement-${subject.unitId ?? subject.participantId}`;
  return (
    <ActionForm
      action={addCollectiveNomineeAction}
      fixed={{ proposalId: proposal.proposalId, version: proposal.version, unitId: subject.unitId ?? "", participantId: subject.participantId ?? "" }}
      label={`Đề nghị khen thưởng ${name}`}
      submitLabel="Thêm vào danh sách đề nghị"
      variant="secondary"
      success={(d) => `Đã thêm ${d.name} vào danh sách đề nghị.`}
      className="mt-2 space-y-2"
    >
      {(errors) => (
        <FormField id={id} label={`Thành tích của ${name}`} error={errors.achievement ?? errors.unitId} maxLength={4000}>
          <textarea id={id} name="achievement" rows={2} maxLength={4000} className={textArea} aria-invalid={!!errors.achievement} aria-describedby={errors.achievement ? `${id}-error` : undefined} />
        </FormField>
      )}
    </ActionForm>
  );
}

export function AddIndividualForm({ proposal, workplaces }: { proposal: Ref; workplaces: { units: { id: string; name: string }[]; participants: { id: string; name: string }[] } }) {
  return (
    <ActionForm
      action={async (input: unknown) => {
        // One <select> for both kinds of workplace: "u:<id>" or "p:<id>".
        const { workplace = "", ...rest } = input as Record<string, string>;
        return addIndividualNomineeAction({ ...rest, workUnitId: workplace.startsWith("u:") ? workplace.slice(2) : "", workParticipantId: workplace.startsWith("p:") ? workplace.slice(2) : "" });
      }}
      fixed={{ proposalId: proposal.proposalId, version: proposal.version }}
      label="Thêm cá nhân"
      submitLabel="Thêm cá nhân"
      variant="secondary"
      success={(d) => `Đã thêm ${d.name} vào danh sách đề nghị.`}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="fullName" label="Họ và tên" error={errors.fullName} maxLength={120}>
            <TextInput id="fullName" name="fullName" maxLength={120} autoComplete="off" aria-invalid={!!errors.fullName} aria-describedby={errors.fullName ? "fullName-error" : undefined} />
          </FormField>
          <FormField id="jobTitle" label="Chức vụ" error={errors.jobTitle} maxLength={150}>
            <TextInput id="jobTitle" name="jobTitle" maxLength={150} autoComplete="off" aria-invalid={!!errors.jobTitle} aria-describedby={errors.jobTitle ? "jobTitle-error" : undefined} />
          </FormField>
          <div className="sm:col-span-2">
            <FormField id="workplace" label="Nơi công tác" error={errors.workUnitId ?? errors.workParticipantId}>
              <Select id="workplace" name="workplace" defaultValue="" aria-invalid={!!errors.workUnitId} aria-describedby={errors.workUnitId ? "workplace-error" : undefined}>
                <option value="">— Chọn nơi công tác —</option>
                <optgroup label="Đơn vị">
                  {workplaces.units.map((u) => (
                    <option key={u.id} value={`u:${u.id}`}>
                      {u.name}
                    </option>
                  ))}
                </optgroup>
                {workplaces.participants.length > 0 && (
                  <optgroup label="Sở, ngành, tổ chức">
                    {workplaces.participants.map((p) => (
                      <option key={p.id} value={`p:${p.id}`}>
                        {p.name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </Select>
            </FormField>
          </div>
          <div className="sm:col-span-2">
            <FormField id="individual-achievement" label="Thành tích" error={errors.achievement} maxLength={4000}>
              <textarea id="individual-achievement" name="achievement" rows={3} maxLength={4000} className={textArea} aria-invalid={!!errors.achievement} aria-describedby={errors.achievement ? "individual-achievement-error" : undefined} />
            </FormField>
          </div>
        </div>
      )}
    </ActionForm>
  );
}

export function RemoveNomineeButton({ proposal, nomineeId, name }: { proposal: Ref; nomineeId: string; name: string }) {
  return (
    <ActionForm
      action={removeNomineeAction}
      fixed={{ proposalId: proposal.proposalId, version: proposal.version, nomineeId }}
      label={`Bỏ ${name} khỏi danh sách`}
      submitLabel="Bỏ khỏi danh sách"
      variant="secondary"
      confirm={() => ({ title: `Bỏ ${name} khỏi danh sách đề nghị?`, body: <p>Thành tích đã nhập của {name} sẽ bị xóa khỏi đề nghị.</p>, confirmLabel: "Bỏ khỏi danh sách", tone: "danger" })}
      success={() => `Đã bỏ ${name} khỏi danh sách đề nghị.`}
      className="mt-2"
    >
      {() => null}
    </ActionForm>
  );
}

export function SubmitProposalForm({ proposal, count, awardLabel, today }: { proposal: Ref; count: number; awardLabel: string; today: string }) {
  return (
    <ActionForm
      action={submitProposalAction}
      fixed={{ proposalId: proposal.proposalId, version: proposal.version }}
      label="Trình đề nghị"
      submitLabel="Ban hành tờ trình"
      confirm={(v) => ({
        title: `Ban hành Tờ trình số ${v.submissionNumber || "…"}?`,
        body: (
          <p>
            Đề nghị tặng {awardLabel} cho {count} tập thể, cá nhân được trình. Quá trình thành tích của từng người, tập thể được chốt như hiện tại; danh sách không thay đổi được nữa.
          </p>
        ),
        confirmLabel: "Ban hành tờ trình",
      })}
      success={(d) => `Đã ban hành Tờ trình số ${d.number}.`}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="submissionNumber" label="Số tờ trình" error={errors.submissionNumber} hint="Ví dụ: 15/TTr-CAT" maxLength={50}>
            <TextInput id="submissionNumber" name="submissionNumber" maxLength={50} autoComplete="off" aria-invalid={!!errors.submissionNumber} aria-describedby={errors.submissionNumber ? "submissionNumber-error" : undefined} />
          </FormField>
          <FormField id="submittedOn" label="Ngày tờ trình" error={errors.submittedOn}>
            <DateInput id="submittedOn" name="submittedOn" defaultValue={today} aria-invalid={!!errors.submittedOn} aria-describedby={errors.submittedOn ? "submittedOn-error" : undefined} />
          </FormField>
        </div>
      )}
    </ActionForm>
  );
}

export function RecordDecisionForm({
  proposal,
  authorities,
  outside,
  defaultIssuer,
  today,
  awardLabel,
  count,
}: {
  proposal: Ref;
  authorities: { id: string; name: string }[];
  /** Whether a decision from outside the registry (typed issuer and number) is possible. */
  outside: boolean;
  defaultIssuer: string;
  today: string;
  awardLabel: string;
  count: number;
}) {
  return (
    <ActionForm
      action={recordAwardDecisionAction}
      fixed={{ proposalId: proposal.proposalId, version: proposal.version }}
      label="Ghi nhận quyết định khen thưởng"
      submitLabel="Ghi nhận quyết định"
      confirm={(v) => ({
        title: "Ghi nhận quyết định khen thưởng?",
        body: (
          <p>
            {v.authorityId ? "Quyết định được cấp số tiếp theo trong sổ quyết định của cơ quan ban hành. " : `Quyết định số ${v.number || "…"} được ghi nhận. `}
            {count} tập thể, cá nhân được ghi nhận đã được tặng {awardLabel}; các đơn vị được thông báo.
          </p>
        ),
        confirmLabel: "Ghi nhận quyết định",
      })}
      success={(d) => `Đã ghi nhận Quyết định số ${d.number}.`}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          {authorities.length > 0 && (
            <div className="sm:col-span-2">
              <FormField id="authorityId" label="Cơ quan ban hành (cấp số tự động)" error={errors.authorityId}>
                <Select id="authorityId" name="authorityId" defaultValue={outside ? "" : (authorities[0]?.id ?? "")} aria-invalid={!!errors.authorityId} aria-describedby={errors.authorityId ? "authorityId-error" : undefined}>
                  {outside && <option value="">— Quyết định ngoài danh mục (nhập số) —</option>}
                  {authorities.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </Select>
              </FormField>
            </div>
          )}
          {outside && (
            <>
              <FormField id="issuerName" label="Người, cơ quan ban hành" error={errors.issuerName} maxLength={200}>
                <TextInput id="issuerName" name="issuerName" defaultValue={defaultIssuer} maxLength={200} autoComplete="off" aria-invalid={!!errors.issuerName} />
              </FormField>
              <FormField id="number" label="Số quyết định" error={errors.number} maxLength={50}>
                <TextInput id="number" name="number" maxLength={50} autoComplete="off" aria-invalid={!!errors.number} aria-describedby={errors.number ? "number-error" : undefined} />
              </FormField>
            </>
          )}
          <FormField id="issuedOn" label="Ngày ban hành" error={errors.issuedOn}>
            <DateInput id="issuedOn" name="issuedOn" defaultValue={today} aria-invalid={!!errors.issuedOn} aria-describedby={errors.issuedOn ? "issuedOn-error" : undefined} />
          </FormField>
          <div />
          <FormField id="signerName" label="Họ tên người ký" error={errors.signerName} maxLength={120}>
            <TextInput id="signerName" name="signerName" maxLength={120} autoComplete="off" aria-invalid={!!errors.signerName} aria-describedby={errors.signerName ? "signerName-error" : undefined} />
          </FormField>
          <FormField id="signerTitle" label="Chức vụ người ký" error={errors.signerTitle} maxLength={120} hint="Ví dụ: Chủ tịch, Phó Chủ tịch">
            <TextInput id="signerTitle" name="signerTitle" maxLength={120} autoComplete="off" aria-invalid={!!errors.signerTitle} aria-describedby={errors.signerTitle ? "signerTitle-error" : undefined} />
          </FormField>
        </div>
      )}
    </ActionForm>
  );
}

export function WithdrawProposalForm({ proposal }: { proposal: Ref }) {
  return (
    <ActionForm
      action={withdrawProposalAction}
      fixed={{ proposalId: proposal.proposalId, version: proposal.version }}
      label="Rút đề nghị"
      submitLabel="Rút đề nghị"
      variant="danger"
      confirm={() => ({ title: "Rút đề nghị khen thưởng?", body: <p>Đề nghị được giữ lại để tra cứu nhưng không thể trình hoặc ghi nhận quyết định nữa.</p>, confirmLabel: "Rút đề nghị", tone: "danger" })}
      success={() => "Đã rút đề nghị khen thưởng."}
    >
      {(errors) => (
        <FormField id="withdraw-reason" label="Lý do rút đề nghị" error={errors.reason} maxLength={1000}>
          <textarea id="withdraw-reason" name="reason" rows={2} maxLength={1000} className={textArea} aria-invalid={!!errors.reason} aria-describedby={errors.reason ? "withdraw-reason-error" : undefined} />
        </FormField>
      )}
    </ActionForm>
  );
}
