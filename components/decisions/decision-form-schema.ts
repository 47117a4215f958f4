/**
 * The issuing form's schema, shared by the form and its server action: `decisionSchema` plus the
 * rules on its date: the one the Word builders enforce (a decision for year N is signed in N or
 * early N+1), so a decision that could not be printed is refused at the form instead of at
 * download, and never a day after today.
 */
import { decisionSchema } from "@/lib/dossiers/dossier-schemas";
import { MIN_YEAR, todayInVietnam } from "@/lib/validation/input-rules";

export const decisionFormSchema = decisionSchema.superRefine((value, ctx) => {
  // Refinements also run when other fields failed: read only what is well formed.
  if (typeof value.issuedOn !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value.issuedOn) || !Number.isInteger(value.year)) return;
  if (value.year < MIN_YEAR || value.year > 2100) return; // the year has its own message
  const signedIn = Number(value.issuedOn.slice(0, 4));
  if (signedIn !== value.year && signedIn !== value.year + 1) {
    ctx.addIssue({ code: "custom", path: ["issuedOn"], message: `Ngày ban hành phải thuộc năm ${value.year} hoặc đầu năm ${value.year + 1}.` });
  } else if (value.issuedOn > todayInVietnam()) {
    ctx.addIssue({ code: "custom", path: ["issuedOn"], message: "Ngày ban hành không được sau ngày hôm nay." });
  }
});
