import { describe, expect, it } from "vitest";
import { declaredLength, isCrossOrigin, readAtMost } from "../../lib/http/limited-body";

const headers = (h: Record<string, string>) => new Headers(h);
const stream = (chunks: number[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const n of chunks) c.enqueue(new Uint8Array(n));
      c.close();
    },
  });

describe("bounded request bodies", () => {
  it("judges the declared length before reading anything", () => {
    expect(declaredLength(headers({ "content-length": "10" }), 10)).toBe(10);
    expect(declaredLength(headers({ "content-length": "11" }), 10)).toBe("too-large");
    expect(declaredLength(headers({ "content-length": "-1" }), 10)).toBe("invalid");
    expect(declaredLength(headers({}), 10)).toBeNull();
  });

  it("stops reading an undeclared body as soon as it passes the limit", async () => {
    expect(await readAtMost(stream([4, 6]), 10)).toHaveLength(10);
    expect(await readAtMost(stream([4, 6, 1]), 10)).toBe("too-large");
    expect(await readAtMost(null, 10)).toHaveLength(0);
  });

  it("refuses another site's Origin, but not the host addressed nor the public address", () => {
    expect(isCrossOrigin(headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), undefined)).toBe(false);
    expect(isCrossOrigin(headers({ host: "127.0.0.1:3000", origin: "https://ke-gia-mao.example" }), undefined)).toBe(true);
    expect(isCrossOrigin(headers({ host: "10.0.0.5:3000", origin: "https://antt.laocai.gov.vn" }), "https://antt.laocai.gov.vn")).toBe(false);
    expect(isCrossOrigin(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "antt.laocai.gov.vn", origin: "https://antt.laocai.gov.vn" }), undefined)).toBe(false);
    expect(isCrossOrigin(headers({ host: "x", origin: "not a url" }), undefined)).toBe(true);
    expect(isCrossOrigin(headers({ host: "x" }), undefined)).toBe(false);
  });
});
