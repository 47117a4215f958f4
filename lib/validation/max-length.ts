/**
 * The length limits of a form's text fields, read from the zod schema the form shares with its
 * server action, so a character counter ("12/200") never disagrees with the validation.
 */
import type { z } from "zod";
import { textLimits } from "./input-rules";

type AnySchema = z.core.$ZodType;

/** The maximum length of a text schema, through optional/nullable/default/preprocess/transform wrappers. */
export function maxLengthOf(schema: AnySchema): number | undefined {
  const registered = textLimits.get(schema as z.ZodType)?.maxLength;
  if (registered !== undefined) return registered;
  const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema };
  switch (def.type) {
    case "string": {
      const max = (schema as z.ZodString).maxLength;
      return typeof max === "number" && Number.isFinite(max) ? max : undefined;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return def.innerType ? maxLengthOf(def.innerType) : undefined;
    case "pipe":
      // z.preprocess(f, string) is a pipe into the string; string.transform(f) a pipe out of it.
      return (def.out && maxLengthOf(def.out)) ?? (def.in && maxLengthOf(def.in));
    default:
      return undefined;
  }
}

/** The limited text fields of an object schema (refinements and wrappers included): name → maximum length. */
export function maxLengths(schema: AnySchema): Record<string, number> {
  const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema>; innerType?: AnySchema; in?: AnySchema; out?: AnySchema; left?: AnySchema; right?: AnySchema };
  if (def.type === "intersection") return { ...(def.left ? maxLengths(def.left) : {}), ...(def.right ? maxLengths(def.right) : {}) };
  if (def.type === "pipe") return { ...(def.in ? maxLengths(def.in) : {}), ...(def.out ? maxLengths(def.out) : {}) };
  if (def.innerType) return maxLengths(def.innerType);
  if (def.type !== "object" || !def.shape) return {};
  const limits: Record<string, number> = {};
  for (const [name, field] of Object.entries(def.shape)) {
    const max = maxLengthOf(field);
    if (max !== undefined) limits[name] = max;
  }
  return limits;
}

/**
 * What a character counter shows and says. It counts what the validation counts (the value
 * trimmed, as every text schema trims); a screen reader hears the count only near the limit,
 * not at every key.
 */
export function characterCount(value: string, max: number): { text: string; over: boolean; announcement: string } {
  const length = value.trim().length;
  const left = max - length;
  const near = left <= Math.max(10, Math.ceil(max / 10));
  const announcement = left < 0 ? `Vượt quá ${-left} ký tự.` : near ? `Còn ${left} ký tự.` : "";
  return { text: `${length}/${max}`, over: left < 0, announcement };
}
