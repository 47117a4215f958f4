import { describe, expect, it } from "vitest";
import { mailConfig, mailConfigProblems } from "./config";

const base = { ANTT_SMTP_HOST: "smtp.congan.laocai.gov.vn", ANTT_MAIL_FROM: '"ANTT Công an tỉnh" <antt@congan.laocai.gov.vn>' };

describe("mailConfig", () => {
  it("is off (null) with no host, and nothing else set", () => {
    expect(mailConfig({})).toBeNull();
    expect(mailConfig({ ANTT_SMTP_HOST: "  " })).toBeNull();
    expect(mailConfigProblems({})).toEqual([]);
  });

  it("refuses settings without a host rather than silently sending nothing", () => {
    expect(mailConfigProblems({ ANTT_MAIL_FROM: "a@b.vn", ANTT_SMTP_PORT: "25" })).toEqual([expect.stringMatching(/ANTT_SMTP_PORT, ANTT_MAIL_FROM are set but ANTT_SMTP_HOST is not/)]);
  });

  it("defaults to port 587 with STARTTLS, or 465 with TLS from the start", () => {
    expect(mailConfig(base)).toEqual({ host: "smtp.congan.laocai.gov.vn", port: 587, secure: false, auth: undefined, from: base.ANTT_MAIL_FROM });
    expect(mailConfig({ ...base, ANTT_SMTP_SECURE: "1" })).toMatchObject({ port: 465, secure: true });
    expect(mailConfig({ ...base, ANTT_SMTP_SECURE: "false", ANTT_SMTP_PORT: "25" })).toMatchObject({ port: 25, secure: false });
  });

  it("takes a login as a pair, keeping the password exactly as written", () => {
    expect(mailConfig({ ...base, ANTT_SMTP_USER: "antt", ANTT_SMTP_PASSWORD: " mật khẩu " })).toMatchObject({ auth: { user: "antt", pass: " mật khẩu " } });
    expect(mailConfigProblems({ ...base, ANTT_SMTP_USER: "antt" })).toEqual([expect.stringMatching(/go together/)]);
    expect(mailConfigProblems({ ...base, ANTT_SMTP_PASSWORD: "x" })).toEqual([expect.stringMatching(/go together/)]);
  });

  it("accepts a bare sender address, and lists every problem at once", () => {
    expect(mailConfig({ ...base, ANTT_MAIL_FROM: "antt@congan.laocai.gov.vn" })).toMatchObject({ from: "antt@congan.laocai.gov.vn" });
    const problems = mailConfigProblems({ ANTT_SMTP_HOST: "smtp://x:25", ANTT_SMTP_PORT: "70000", ANTT_SMTP_SECURE: "maybe", ANTT_MAIL_FROM: "ANTT" });
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/ANTT_SMTP_HOST.*ANTT_SMTP_SECURE.*ANTT_SMTP_PORT.*ANTT_MAIL_FROM/s);
    expect(mailConfigProblems({ ANTT_SMTP_HOST: "smtp.x.vn" })).toEqual([expect.stringMatching(/ANTT_MAIL_FROM must name the sender/)]);
    expect(mailConfigProblems({ ...base, ANTT_SMTP_PORT: "2.5" })).toEqual([expect.stringMatching(/ANTT_SMTP_PORT/)]);
  });
});
