import { describe, expect, it } from "vitest";
import { html, rawHtml } from "@/lib/html/template";

describe("html templates", () => {
  it("escapes interpolated text, in content and in attributes", () => {
    const title = `<script>alert("x")</script> & co`;
    expect(html`<a title="${title}">${title}</a>`.markup).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</a>',
    );
  });

  it("keeps nested templates and raw markup, joins lists and drops null, undefined and false", () => {
    const items = ["a<b", "c"].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${rawHtml("<hr>")}${0}`.markup).toBe("<ul><li>a&lt;b</li><li>c</li></ul><hr>0");
  });
});
