import { describe, expect, it } from "vitest";
import { MAX_MARKUP_DEPTH, nestsTooDeep } from "@/lib/html/markup-depth";

describe("markup nesting depth", () => {
  it("lets real copy through, sloppy paragraphs and lists included", () => {
    expect(nestsTooDeep("<p>One<p>Two<p>Three")).toBe(false);
    expect(nestsTooDeep("<p>a</p>".repeat(10_000))).toBe(false);
    expect(nestsTooDeep("<ul><li>a<li>b<li>c</ul>".repeat(1000))).toBe(false);
    expect(nestsTooDeep("<blockquote><ul><li><em><strong>deep enough</strong></em></li></ul></blockquote>")).toBe(false);
    expect(nestsTooDeep("a<br>b<br/>c<img src=x>".repeat(1000))).toBe(false);
    expect(nestsTooDeep("plain text, no markup at all")).toBe(false);
  });

  it("refuses markup nested past the limit, closed or not", () => {
    expect(nestsTooDeep("<em>".repeat(MAX_MARKUP_DEPTH + 1) + "x")).toBe(true);
    expect(nestsTooDeep("<em>".repeat(MAX_MARKUP_DEPTH) + "x")).toBe(false);
    expect(nestsTooDeep("<ul><li>".repeat(60) + "x")).toBe(true);
    expect(nestsTooDeep("<div class='a'>".repeat(200) + "x" + "</div>".repeat(200))).toBe(true);
  });
});
