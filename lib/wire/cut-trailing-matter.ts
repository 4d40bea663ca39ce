import { creditLine, cutTrailingCredit, joinCredits } from "@/lib/wire/credits";
import { isPageJunk } from "@/lib/wire/page-junk";
import { cutSignOff, readSignOffLine } from "@/lib/wire/sign-offs";

/**
 * Takes apart what agencies and pages append after the story, working back from the end:
 * sign-offs, time stamps and desk codes are dropped, credits kept apart, and the agency of the
 * sign-off nearest the story reported (copy whose dateline names none is known by it). It stops
 * at the first line of copy, so a credit-like sentence in the middle of a story stays where it is.
 */
export function cutTrailingMatter(paragraphs: string[]): { paragraphs: string[]; credits: string | null; agency: string | null } {
  const kept = paragraphs.slice();
  const credits: string[] = [];
  let agency: string | null = null;
  while (kept.length > 0) {
    const last = kept[kept.length - 1];
    if (isPageJunk(last)) {
      kept.pop();
      continue;
    }
    const signOff = readSignOffLine(last);
    if (signOff) {
      agency = signOff.agency ?? agency;
      kept.pop();
      continue;
    }
    const credit = creditLine(last);
    if (credit) {
      credits.unshift(credit);
      kept.pop();
      continue;
    }
    const trailing = cutTrailingCredit(last);
    if (trailing) {
      credits.unshift(trailing.credit);
      kept[kept.length - 1] = trailing.text;
      continue;
    }
    const cut = cutSignOff(last);
    if (cut.text === last) break;
    agency = cut.agency ?? agency;
    if (cut.text) kept[kept.length - 1] = cut.text;
    else kept.pop();
  }
  return { paragraphs: kept, credits: joinCredits(credits), agency };
}
