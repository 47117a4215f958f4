/** The evaluation year the app opens on: the calendar year (registration is in its quarter I). */
export function currentEvaluationYear(now: Date = new Date()): number {
  return now.getFullYear();
}
