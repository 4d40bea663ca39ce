import { escapeHtml } from "@/lib/escape-html";

// includes() is many times faster than a regex character class over a long paragraph.
function needsEscaping(text: string): boolean {
  return text.includes("&") || text.includes("<") || text.includes(">") || text.includes('"');
}

/** Plain paragraphs as a story body: one escaped <p> each. */
export function paragraphsHtml(paragraphs: string[]): string {
  let html = "";
  for (const paragraph of paragraphs) html += `<p>${needsEscaping(paragraph) ? escapeHtml(paragraph) : paragraph}</p>`;
  return html;
}
