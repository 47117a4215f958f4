import { describe, expect, it } from "vitest";
import { classesProblems, classify, formatPoints, maxTotal, scoreProblems, totalPoints, type SheetClass, type SheetLine } from "./classification";

const lines: SheetLine[] = [
  { criterionId: "a", code: "A1", maxPoints: 10 },
  { criterionId: "b", code: "A2", maxPoints: 0.5 },
  { criterionId: "c", code: "A3", maxPoints: 89.5 },
];
const classes: SheetClass[] = [
  { rank: 1, code: "XUAT_SAC", name: "Xuất sắc", minPoints: 90, requiresRecognition: true },
  { rank: 2, code: "KHA", name: "Khá", minPoints: 70, requiresRecognition: false },
  { rank: 3, code: "TRUNG_BINH", name: "Trung bình", minPoints: 50, requiresRecognition: false },
];

describe("totals", () => {
  it("adds in hundredths", () => {
    const m = new Map<string, number | null>([["a", 0.1], ["b", 0.2], ["c", null]]);
    expect(totalPoints(lines, m)).toBe(0.3);
    expect(maxTotal(lines)).toBe(100);
  });
});

describe("scoreProblems", () => {
  it("names each line missing, negative, over its maximum or too precise", () => {
    const m = new Map<string, number | null>([["a", 10.5], ["b", -1], ["c", 1.234]]);
    expect(scoreProblems(lines, m).map((p) => p.message)).toEqual([
      "Tiêu chí A1: điểm 10,5 vượt điểm tối đa 10.",
      "Tiêu chí A2: điểm không được âm.",
      "Tiêu chí A3: điểm có tối đa hai chữ số thập phân.",
    ]);
    expect(scoreProblems(lines, new Map())).toHaveLength(3);
    expect(scoreProblems(lines, new Map([["a", 10], ["b", 0.5], ["c", 0]]))).toEqual([]);
  });
});

describe("classify", () => {
  it("gives the best class reached, at the cut-off included", () => {
    expect(classify(90, classes, true)?.code).toBe("XUAT_SAC");
    expect(classify(89.99, classes, true)?.code).toBe("KHA");
    expect(classify(50, classes, true)?.code).toBe("TRUNG_BINH");
    expect(classify(49.75, classes, true)).toBeNull();
  });
  it("skips a class needing TT124 recognition for a unit not recognised, never for a participant", () => {
    expect(classify(95, classes, false)?.code).toBe("KHA");
    expect(classify(95, classes, null)?.code).toBe("XUAT_SAC");
  });
});

describe("classesProblems", () => {
  it("accepts ranked, falling cut-offs within the maximum", () => {
    expect(classesProblems(classes, 100)).toEqual([]);
  });
  it("refuses gaps, rising cut-offs, cut-offs over the maximum, duplicate codes and no class", () => {
    expect(classesProblems([], 100)).toHaveLength(1);
    const bad: SheetClass[] = [
      { rank: 1, code: "X", name: "Xuất sắc", minPoints: 120, requiresRecognition: false },
      { rank: 3, code: "X", name: "Khá", minPoints: 130, requiresRecognition: false },
    ];
    const messages = classesProblems(bad, 100).map((p) => p.message);
    expect(messages).toContain("Các mức xếp loại phải đánh số liên tục từ 1 (thiếu mức 2).");
    expect(messages).toContain('Mức "Khá" phải có điểm sàn thấp hơn mức "Xuất sắc".');
    expect(messages).toContain('Mức "Xuất sắc" cần 120 điểm, vượt tổng điểm tối đa 100.');
    expect(messages).toContain("Mã các mức xếp loại không được trùng nhau.");
  });
});

describe("formatPoints", () => {
  it("writes a decimal comma without trailing zeros", () => {
    expect(formatPoints(12.5)).toBe("12,5");
    expect(formatPoints(3)).toBe("3");
    expect(formatPoints(0.25)).toBe("0,25");
  });
});
