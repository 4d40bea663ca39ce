import { escapeHtml } from "@/lib/escape-html";
import type { WireBlock } from "@/lib/wire/types";

// includes() is many times faster than a regex character class over a long paragraph.
function needsEscaping(text: string): boolean {
  return text.includes("&") || text.includes("<") || text.includes(">") || text.includes('"');
}

const escaped = (text: string) => (needsEscaping(text) ? escapeHtml(text) : text);

/** A body's blocks as a story body: paragraphs as escaped <p>, tables as escaped <pre>, laid out as sent. */
export function blocksHtml(blocks: WireBlock[]): string {
  let html = "";
  for (const block of blocks) html += block.kind === "paragraph" ? `<p>${escaped(block.text)}</p>` : `<pre>${escaped(block.text)}</pre>`;
  return html;
}
