/**
 * The issuing form's schema, shared by the form and its server action: `decisionSchema` plus the
 * rules on its date: the one the Word builders enforce (a decision for year N is signed in N or
 * early N+1), so a decision that could not be printed is refused at the form instead of at
 * download, and never a day after today. A correction (đính chính) of the date obeys the same rule.
 */
import { decisionSchema } from "@/lib/dossiers/dossier-schemas";
import { MIN_YEAR, todayInVietnam } from "@/lib/validation/input-rules";

/** Why `issuedOn` cannot be the date of a decision for `year`, or null when it can. */
export function issuedOnProblem(year: number, issuedOn: string, today: string = todayInVietnam()): string | null {
  const signedIn = Number(issuedOn.slice(0, 4));
  if (signedIn !== year && signedIn !== year + 1) return `Ngày ban hành phải thuộc năm ${year} hoặc đầu năm ${year + 1}.`;
  if (issuedOn > today) return "Ngày ban hành không được sau ngày hôm nay.";
  return null;
}

export const decisionFormSchema = decisionSchema.superRefine((value, ctx) => {
  // Refinements also run when other fields failed: read only what is well formed.
  if (typeof value.issuedOn !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value.issuedOn) || !Number.isInteger(value.year)) return;
  if (value.year < MIN_YEAR || value.year > 2100) return; // the year has its own message
  const problem = issuedOnProblem(value.year, value.issuedOn);
  if (problem) ctx.addIssue({ code: "custom", path: ["issuedOn"], message: problem });
});
