import type { WirePriority, WireTake } from "@/lib/wire/types";
import { readEmbargoLine } from "@/lib/wire/read-embargo";
import { readSlugLine } from "@/lib/wire/read-slug";
import { combineTakes, readTake } from "@/lib/wire/read-take";

export type Head = {
  /** The copy without the head's marker lines, for the body reader. */
  text: string;
  priority: WirePriority | null;
  slugline: string | null;
  take: WireTake | null;
  wordCount: number | null;
};

// How many lines at the top may be markers; a marker line is short.
const MAX_HEAD_LINES = 8;
const MAX_MARKER_LINE = 300;
const SEPARATOR = /^[*#=+~_-]{3,}$/;
// "BULLETIN", "URGENT URGENT", "** FLASH **": in capitals, alone on the line.
const PRIORITY_LINE = /^[*\s-]*(FLASH|BULLETIN|URGENT)(?:[\s*-]+(?:FLASH|BULLETIN|URGENT))*[\s*-]*$/;
const ADVISORY_ALONE = /^(?:ADVISORY|EDS|EDITORS|EDITORS'? NOTE|EDITOR'S NOTE)\s*:?$/;
// "EDS: …", "EDITORS: …", "Editor's note: …", "ADVISORY: …": a note to the desk, not copy.
const ADVISORY = /^(?:EDS|Eds|EDITORS?|Editors?|EDITOR'?S NOTE|Editor'?s note|EDITORS'? NOTE|Editors'? note|ADVISORY|Advisory)\s*:\s*(\S.*)$/s;

/** The priority a marker line names ("BULLETIN", "** FLASH **"), or null for any other line. */
export function readMarkerPriority(line: string): WirePriority | null {
  const match = PRIORITY_LINE.exec(line);
  return match ? (match[1].toLowerCase() as WirePriority) : null;
}

/**
 * The marker lines at the head of plain copy lifted off: "****", "BULLETIN" / "FLASH" / "URGENT"
 * (the priority), "ADVISORY", "EDS: …", a slug line ("BC-Britain-Economy", "PTI-WB-BJP
 * 1STADD"), take lines ("2ND ADD", "1ST LEAD", "WRITETHRU", "(Corrects … in paragraph 3)",
 * "KILL KILL KILL"). Reading stops at the first other line: a line of prose is never a marker.
 * An embargo line among them stays, for the body reader.
 */
export function readHead(text: string, receivedAt: Date): Head {
  const head: Head = { text, priority: null, slugline: null, take: null, wordCount: null };
  const kept: string[] = [];
  let advisory: string | null = null;
  let start = 0;
  let cut = false;
  for (let read = 0; read < MAX_HEAD_LINES && start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (line) {
      read++;
      if (line.length > MAX_MARKER_LINE) break;
      const priority = readMarkerPriority(line);
      const note = ADVISORY.exec(line);
      const take = note ? null : readTake(line);
      const slug = priority || note || take ? null : readSlugLine(line, { strict: true });
      if (priority) head.priority ??= priority;
      else if (note) {
        const noted = readTake(note[1]);
        if (noted) head.take = combineTakes(head.take, { ...noted, note: noted.note ?? note[1] });
        else advisory ??= note[1];
      } else if (take) head.take = combineTakes(head.take, take);
      else if (slug) {
        head.slugline ??= slug.slugline;
        head.take = combineTakes(head.take, slug.take);
        head.wordCount ??= slug.wordCount;
      } else if (!SEPARATOR.test(line) && !ADVISORY_ALONE.test(line)) {
        if (readEmbargoLine(line, receivedAt) === undefined) break;
        kept.push(line);
      }
      cut = true;
    }
    start = end + 1;
  }
  if (head.take && advisory && !head.take.note) head.take = { ...head.take, note: advisory };
  if (cut) head.text = [...kept, text.slice(Math.min(start, text.length))].join("\n");
  return head;
}
