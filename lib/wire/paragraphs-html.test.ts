import { describe, expect, it } from "vitest";
import { blocksHtml } from "@/lib/wire/paragraphs-html";

describe("blocksHtml", () => {
  it("writes paragraphs as <p> and tables as <pre>, escaped, their layout kept", () => {
    expect(
      blocksHtml([
        { kind: "paragraph", text: "Prices (Rs) <per 10 g> & more:" },
        { kind: "preformatted", text: "Gold    64,150  +350\nSilver  75,800  <-5>" },
      ]),
    ).toBe("<p>Prices (Rs) &lt;per 10 g&gt; &amp; more:</p><pre>Gold    64,150  +350\nSilver  75,800  &lt;-5&gt;</pre>");
  });
});
