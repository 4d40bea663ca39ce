import { parseWireItems } from "@/lib/wire/parse-wire-item";
for (const n of [100, 200, 500]) {
  const items = Array.from({ length: n }, (_, i) => `<newsItem guid="urn:t:${i}" version="1"><itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:usable"/></itemMeta><contentMeta><headline>Item ${i}</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>PARIS, March 3 (AFP) - Body ${i} of a small test item that says little.</p></body></html></inlineXML></contentSet></newsItem>`).join("");
  const xml = `<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2026-03-03T10:00:00Z</sent></header><itemSet>${items}</itemSet></newsMessage>`;
  const t = performance.now();
  const r = parseWireItems(xml, { receivedAt: new Date("2026-03-03T12:00:00Z") });
  console.log(n, xml.length, r.length, Math.round(performance.now() - t), "ms");
}
