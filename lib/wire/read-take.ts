import type { WireTake } from "@/lib/wire/types";

// The longest advisory read as a take ("CORRECTS spelling of minister's name in para 3 …").
const MAX_TAKE = 300;
const ORDINAL = String.raw`\d{1,2}(?:ST|ND|RD|TH)|FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH`;
const ORDINAL_WORDS = ["FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH", "TENTH"];
const PARENTHESISED = /^\((.*)\)$/s;
// "EDS:", "EDITORS:", "Editor's note:" before an advisory.
const EDITORS = /^(?:EDS|EDITORS?|EDITOR'?S NOTE|EDITORS'? NOTE|ADVISORY)\s*:\s*/i;

// Marks standing alone, in any case, as slug lines and keywords write them ("1st add", "2ndLd-Writethru").
const ADD = new RegExp(String.raw`^(?:ADD[ -]?(\d{1,2})|(${ORDINAL})[ -]?ADD|ADD)$`, "i");
const LEAD = new RegExp(String.raw`^(?:(${ORDINAL})|NEW)[ -]?(?:LEAD|LD)$`, "i");
const WRITETHRU = new RegExp(String.raw`^(?:(${ORDINAL})[ -]?)?(?:(?:LEAD|LD)[ -]?)?(?:WRITETHRU|WRITETHROUGH|WRITE-THRU|WRITE-THROUGH)$`, "i");
const UPDATE = /^UPDATE[ -]?(\d{1,2})$/i;
const CORRECTED = /^(?:CORRECTED|CORRECTION|CORRECTIVE)(?:[ -](?:REPEAT|RPT))?$/i;
const KILLED = /^(?:MANDATORY[ -])?(?:KILL|ELIMINATION|WITHDRAWAL)(?:[ -]+(?:KILL|ELIMINATION|WITHDRAWAL))*$/i;
// Advisories with words of their own: the mark in capitals ("CORRECTS spelling …", "KILL the
// story …"), or the sentence-case notes Reuters puts in parentheses ("(Corrects …)", "(Adds …)").
const CORRECTS = /^(?:CORRECTS|CORRECTED|CORRECTION)\b/;
const CORRECTS_NOTE = /^(?:Corrects|Corrected|Fixes|CORRECTS|CORRECTED|FIXES)\b/;
const KILL_NOTE = /^(?:MANDATORY )?(?:KILL|ELIMINATION)\b/;
const KILL_WORD = /\bKILL\b/i;
const UPDATE_NOTE = /^(?:Adds|Updates|Recasts|Rewrites|Writes through|Changes|Refiles|ADDS|UPDATES|RECASTS|REWRITES)\b/;

function ordinalNumber(token: string | undefined): number | null {
  if (!token) return null;
  const word = ORDINAL_WORDS.indexOf(token.toUpperCase());
  return word !== -1 ? word + 1 : Number.parseInt(token, 10);
}

const take = (kind: WireTake["kind"], number: number | null, note: string | null = null): WireTake => ({ kind, number, note });

function readMark(phrase: string): WireTake | null {
  let match = ADD.exec(phrase);
  if (match) return take("add", match[1] ? Number(match[1]) : ordinalNumber(match[2]));
  if ((match = WRITETHRU.exec(phrase))) return take("writethru", ordinalNumber(match[1]));
  if ((match = LEAD.exec(phrase))) return take("lead", ordinalNumber(match[1]));
  if ((match = UPDATE.exec(phrase))) return take("writethru", Number(match[1]));
  if (CORRECTED.test(phrase)) return take("correction", null);
  if (KILLED.test(phrase)) return take("kill", null);
  return null;
}

/**
 * What a take mark or an advisory says the item is to its story ("2ND ADD" → add 2,
 * "1stLd-Writethru" → writethru 1, "(Corrects spelling of name in para 3)" → a correction with
 * that note, "EDITORS: KILL the story …" → kill), or null for any other words.
 */
export function readTake(text: string): WireTake | null {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > MAX_TAKE) return null;
  const inner = PARENTHESISED.exec(trimmed)?.[1].trim();
  const phrase = inner ?? trimmed;
  const mark = readMark(phrase);
  if (mark) return mark;
  const advisory = phrase.replace(EDITORS, "");
  const addressed = advisory !== phrase;
  if (addressed) {
    const addressedMark = readMark(advisory);
    if (addressedMark) return addressedMark;
  }
  // Sentence-case notes are advisories only inside parentheses or after "EDS:"; capitals anywhere.
  const noted = inner !== undefined || addressed;
  if (CORRECTS.test(advisory) || (noted && CORRECTS_NOTE.test(advisory))) return take("correction", null, advisory);
  if (KILL_NOTE.test(advisory) || (addressed && KILL_WORD.test(advisory))) return take("kill", null, advisory);
  if (inner !== undefined && UPDATE_NOTE.test(advisory)) return take("writethru", null, advisory);
  return null;
}

// When the head says two things (a slug's "1st Ld-Writethru" and "(Corrects … )"), the weightier
// kind wins: a kill over all, then a correction, then a whole new version (lead or write-through,
// the first said), then an add.
const WEIGHT: Record<WireTake["kind"], number> = { add: 0, lead: 1, writethru: 1, correction: 2, kill: 3 };

/** Two reads of one item's take as one: the weightier kind, the first number and note given. */
export function combineTakes(first: WireTake | null, second: WireTake | null): WireTake | null {
  if (!first || !second) return first ?? second;
  const kind = WEIGHT[second.kind] > WEIGHT[first.kind] ? second.kind : first.kind;
  return { kind, number: first.number ?? second.number, note: first.note ?? second.note };
}
