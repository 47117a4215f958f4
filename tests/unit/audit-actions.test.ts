import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from "@/lib/audit/audit-actions";
import { DOSSIER_ACTIONS } from "@/lib/workflow/transitions";

const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe("the audit action catalogue", () => {
  it.each(AUDIT_ACTIONS)("%s has a Vietnamese label and one filter group", (action) => {
    const label = auditActionLabel(action);
    expect(label).toBe(AUDIT_ACTION_LABELS[action]);
    expect(label).toMatch(vietnamese);
    expect(label).not.toContain(action);
    expect(AUDIT_ACTION_GROUPS.filter((g) => action.startsWith(g.prefix))).toHaveLength(1);
  });

  it("holds every dossier transition the workflow writes", () => {
    for (const a of DOSSIER_ACTIONS) expect(AUDIT_ACTIONS).toContain(`dossier.${a.toLowerCase()}`);
  });

  it("never shows a key: an action or record type outside the catalogue reads as Vietnamese too", () => {
    expect(auditActionLabel("legacy.something")).toBe("Hoạt động khác (phiên bản trước)");
    expect(auditActionLabel("toString")).toBe("Hoạt động khác (phiên bản trước)");
    expect(auditEntityLabel("Widget")).toBe("Đối tượng khác");
    for (const [type, label] of Object.entries(AUDIT_ENTITY_LABELS)) {
      expect(auditEntityLabel(type)).toBe(label);
      expect(label).toMatch(vietnamese);
    }
  });
});
