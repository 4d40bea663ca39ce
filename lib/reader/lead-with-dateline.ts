import { escapeHtml } from "@/lib/escape-html";

/**
 * Puts the dateline where wire copy has it: at the head of the first paragraph
 * ("<p><span>MOSCOW, Dec 27 (ANI) –</span> External Affairs Minister …").
 */
export function leadWithDateline(bodyHtml: string, dateline: string | null): string {
  if (!dateline) return bodyHtml;
  const span = `<span class="dateline" data-testid="dateline">${escapeHtml(dateline)}</span> `;
  return bodyHtml.startsWith("<p>") ? `<p>${span}${bodyHtml.slice(3)}` : `<p>${span}</p>${bodyHtml}`;
}
