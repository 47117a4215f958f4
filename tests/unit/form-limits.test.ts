import { describe, expect, it } from "vitest";
import { z } from "zod";
import { characterCount, maxLengthOf, maxLengths } from "@/lib/validation/max-length";
import { sameFormValues } from "@/lib/validation/form-changes";
import { optionalText, requiredText } from "@/lib/validation/input-rules";
import { updateUnitSchema } from "@/lib/registry/unit-schemas";
import { registrationSchema } from "@/lib/dossiers/dossier-schemas";
import { createUserSchema } from "@/lib/users/user-schemas";
import { criterionAnswerSchema } from "@/lib/dossiers/self-assessment";
import { EXPLANATION_LIMIT } from "@/components/dossiers/criterion-answer-form";

describe("maxLengthOf / maxLengths", () => {
  it("reads the limit through refinements, preprocessing, transforms and optionality", () => {
    expect(maxLengthOf(requiredText("x", 200, "too long"))).toBe(200);
    expect(maxLengthOf(optionalText(300, "too long"))).toBe(300);
    expect(maxLengthOf(z.string().trim().max(40).transform((v) => v || undefined).optional())).toBe(40);
    expect(maxLengthOf(z.string())).toBeUndefined();
    expect(maxLengthOf(z.number().max(5))).toBeUndefined();
  });

  it("lists an object schema's limited text fields, refined objects included", () => {
    const limits = maxLengths(updateUnitSchema);
    expect(limits.name).toBe(200);
    expect(limits.address).toBe(300);
    expect(limits.kind).toBeUndefined();
    expect(maxLengths(registrationSchema).planRef).toBe(200);
    expect(maxLengths(createUserSchema)).toMatchObject({ username: 50, fullName: 120 });
    expect(maxLengths(z.object({ a: z.string().max(3) }).superRefine(() => {}))).toEqual({ a: 3 });
  });

  it("the self-assessment counter's limit is the schema's", () => {
    expect(maxLengths(criterionAnswerSchema).explanation).toBe(EXPLANATION_LIMIT);
  });

  it("a limit read for the counter does not change what the schema accepts", () => {
    const schema = requiredText("Vui lòng nhập.", 5, "Tối đa 5 ký tự.");
    expect(schema.safeParse("  abcde  ").success).toBe(true);
    expect(schema.safeParse("abcdef").error?.issues.map((i) => i.message)).toEqual(["Tối đa 5 ký tự."]);
  });
});

describe("characterCount", () => {
  it("shows n/max of the trimmed value, as validation counts", () => {
    expect(characterCount("  abc ", 200)).toEqual({ text: "3/200", over: false, announcement: "" });
  });
  it("speaks only near the limit, and over it", () => {
    expect(characterCount("a".repeat(190), 200).announcement).toBe("Còn 10 ký tự.");
    expect(characterCount("a".repeat(35), 40).announcement).toBe("Còn 5 ký tự.");
    expect(characterCount("a".repeat(29), 40).announcement).toBe("");
    expect(characterCount("a".repeat(203), 200)).toEqual({ text: "203/200", over: true, announcement: "Vượt quá 3 ký tự." });
  });
});

describe("sameFormValues", () => {
  it("ignores the version, blank-vs-missing, surrounding spaces and number-vs-text", () => {
    expect(sameFormValues({ name: "Sở Tư pháp", address: null, staff: 12, version: 3 }, { name: " Sở Tư pháp ", address: "", staff: "12", version: 4 })).toBe(true);
  });
  it("sees a changed field, a ticked box and a changed choice list", () => {
    expect(sameFormValues({ name: "A" }, { name: "B" })).toBe(false);
    expect(sameFormValues({ active: false }, { active: true })).toBe(false);
    expect(sameFormValues({ kinds: ["KDC", "CQ"] }, { kinds: ["CQ", "KDC"] })).toBe(true);
    expect(sameFormValues({ kinds: ["KDC"] }, { kinds: ["KDC", "CQ"] })).toBe(false);
  });
  it("a field only one side has counts as changed unless blank", () => {
    expect(sameFormValues({}, { note: "" })).toBe(true);
    expect(sameFormValues({}, { note: "x" })).toBe(false);
  });
});
