/**
 * THE extension point for award counts in the movement's figures (issue 14 §3 → §4–5). The awards
 * part (commendation proposals and award decisions) owns its tables; when it lands, the coordinator
 * sets this to a function counting the year's awards per group and title, and the province report,
 * its .xlsx and the dashboard print them. Until then: undefined, and the documents say the awards
 * are reported separately (NO_AWARD_FIGURES).
 */
import type { AwardCountsSource } from "./report-figures";

export const awardCountsSource: AwardCountsSource | undefined = undefined;
