import { describe, expect, it } from "vitest";
import { parseReaderShell } from "@/lib/serving/reader-shell";

// The reader layout as Next renders it, cut down: its runtime scripts, the site's feed and the slot.
const layout =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/><script src="/_next/static/chunks/c.js" async=""></script>' +
  '<title>Dateline</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"/></head><body><header>Dateline</header>' +
  '<main><div data-page-slot=""></div></main><footer>©</footer><script>self.__next_f.push([1,"layout data"])</script></body></html>';

describe("the reader shell", () => {
  it("puts the title, the page's head tags around the layout's, and the page into the layout, without Next's scripts", () => {
    const page = parseReaderShell(layout).render({
      title: "Talks & <more>",
      headFirst: '<link rel="alternate" href="/tags/x/feed.xml"/>',
      head: '<link rel="canonical" href="/x"/>',
      main: "<article>Text</article>",
    });
    expect(page).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css"/>' +
        '<title>Talks &amp; &lt;more&gt;</title><link rel="alternate" href="/tags/x/feed.xml"/><link rel="alternate" type="application/rss+xml" href="/feed.xml"/>' +
        '<link rel="canonical" href="/x"/></head>' +
        "<body><header>Dateline</header><main><article>Text</article></main><footer>©</footer></body></html>",
    );
  });

  it("refuses a layout without its slot", () => {
    expect(() => parseReaderShell(layout.replace('<div data-page-slot=""></div>', ""))).toThrow(/slot/);
  });
});
