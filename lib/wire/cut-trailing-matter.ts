import { creditLine, cutTrailingCredit, joinCredits } from "@/lib/wire/credits";
import { isPageJunk } from "@/lib/wire/page-junk";
import { cutSignOff, isSignOffLine } from "@/lib/wire/sign-offs";

/**
 * Takes apart what agencies and pages append after the story, working back from the end:
 * sign-offs and desk codes are dropped, credits kept apart. It stops at the first line of copy,
 * so a credit-like sentence in the middle of a story stays where it is.
 */
export function cutTrailingMatter(paragraphs: string[]): { paragraphs: string[]; credits: string | null } {
  const kept = paragraphs.slice();
  const credits: string[] = [];
  while (kept.length > 0) {
    const last = kept[kept.length - 1];
    if (isPageJunk(last) || isSignOffLine(last)) {
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
    if (cut === last) break;
    if (cut) kept[kept.length - 1] = cut;
    else kept.pop();
  }
  return { paragraphs: kept, credits: joinCredits(credits) };
}
