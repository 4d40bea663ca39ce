import { describe, expect, it } from "vitest";
import { bodyPictureIds, sanitizeBody, bodyText } from "@/lib/stories/sanitize-body";

describe("sanitizeBody", () => {
  it("keeps the allowed markup as it is", () => {
    const html = '<h2>Talks</h2><p>Said <strong>yes</strong> and <em>no</em> to <a href="https://example.org/x">this</a>.</p><blockquote><p>Quote</p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol><h3>End</h3>';
    expect(sanitizeBody(html)).toBe(html);
  });

  it("keeps a wire table's <pre> with its spacing and line breaks, and its text apart from what follows", () => {
    const html = "<p>Final:</p><pre>               Gold  Silver\nNorway            9       6</pre><p>Next.</p>";
    expect(sanitizeBody(html)).toBe(html);
    expect(bodyText(html)).toBe("Final: Gold Silver Norway 9 6 Next.");
  });

  it("drops scripts and styles with their content", () => {
    const out = sanitizeBody('<p>Hi</p><script>alert(1)</script><style>p{color:red}</style><p>there</p>');
    expect(out).toBe("<p>Hi</p><p>there</p>");
  });

  it("removes event handlers, style and other attributes", () => {
    const out = sanitizeBody('<p onclick="steal()" style="x" class="y">Text<img src=x onerror=alert(1)></p>');
    expect(out).toBe("<p>Text</p>");
    expect(out).not.toMatch(/onerror|onclick|img/);
  });

  it("removes javascript:, data: and protocol-relative links but keeps their text", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "//evil.example/x", "vbscript:x"]) {
      const out = sanitizeBody(`<p><a href="${href}">click</a></p>`);
      expect(out).not.toMatch(/javascript|data:|vbscript|evil/i);
      expect(out).toContain("click");
    }
  });

  it("escapes encoded tricks instead of restoring them", () => {
    const out = sanitizeBody('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><a href="jav&#x09;ascript:alert(1)">x</a>');
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/href="jav/i);
  });

  it("maps near-equivalents onto the allowed tags", () => {
    expect(sanitizeBody("<h1>Big</h1><p><b>b</b> <i>i</i></p><h4>Small</h4>")).toBe("<h2>Big</h2><p><strong>b</strong> <em>i</em></p><h3>Small</h3>");
  });

  it("drops iframes, svg and forms entirely", () => {
    const out = sanitizeBody('<p>a</p><iframe src="https://x"></iframe><svg><script>1</script></svg><form action="/x"><input name="y"></form>');
    expect(out).toBe("<p>a</p>");
  });
});

describe("inline pictures", () => {
  const id = "5d1f8a4e-7b3c-4e2a-9f10-2c6b8d9e0a11";
  it("keeps a figure that names a picture of the library, and nothing inside or on it", () => {
    expect(sanitizeBody(`<p>a</p><figure data-media="${id.toUpperCase()}" onclick="x()" class="big"><img src="https://evil.example/x.jpg" onerror="alert(1)"><figcaption>Their <b>caption</b></figcaption></figure><p>b</p>`)).toBe(
      `<p>a</p><figure data-media="${id}"></figure><p>b</p>`,
    );
  });

  it("turns a figure naming no picture (pasted from another site) into its text, and drops its image", () => {
    expect(sanitizeBody(`<figure><img src="https://evil.example/x.jpg"><figcaption>Pasted caption</figcaption></figure>`)).toBe("<p>Pasted caption</p>");
    expect(sanitizeBody(`<figure data-media="javascript:alert(1)">x</figure><img src="x.jpg">`)).toBe("<p>x</p>");
  });

  it("never nests one figure in another, nor leaves a stray end tag", () => {
    expect(sanitizeBody(`<figure data-media="${id}"><figure data-media="${id}">in</figure>tail</figure><p>end</p>`)).toBe(`<figure data-media="${id}"></figure><p>end</p>`);
  });

  it("lists the pictures a body shows, each once", () => {
    expect(bodyPictureIds(`<figure data-media="${id}"></figure><p>x</p><figure data-media="${id}"></figure>`)).toEqual([id]);
    expect(bodyPictureIds("<p>none</p>")).toEqual([]);
  });
});

describe("bodyText", () => {
  it("gives the readable text with paragraph breaks as spaces", () => {
    expect(bodyText("<p>One.</p><p>Two &amp; three.</p>")).toBe("One. Two & three.");
  });
});

describe("pictures in quotes", () => {
  const id = "3f2c1d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f";
  it("keeps a quote that holds only a picture (it was dropped as empty on save), and drops quotes that hold nothing", () => {
    expect(sanitizeBody(`<blockquote><figure data-media="${id}"></figure></blockquote>`)).toBe(`<blockquote><figure data-media="${id}"></figure></blockquote>`);
    expect(sanitizeBody("<p>a</p><blockquote><p> </p></blockquote><blockquote><blockquote></blockquote></blockquote><p>b</p>")).toBe("<p>a</p><p>b</p>");
  });
});
