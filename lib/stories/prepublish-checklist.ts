// The pre-publish checklist: what a story still lacks before it goes live, judged from its fields
// alone (pure, so the editor's sidebar runs it on the form as typed and the server on the story
// as stored). Each check warns; the newsroom names the ones that block (PUBLISH_REQUIRE).
import { makeSlug, slugPattern } from "@/lib/stories/make-slug";
import { formatZonedTime } from "@/lib/site/zoned-time";

/** The checks a newsroom may require (PUBLISH_REQUIRE=headline,tags). The embargo is only ever said. */
export const checklistKeys = ["headline", "headlineWritten", "standfirst", "tags", "slug"] as const;
export type ChecklistKey = (typeof checklistKeys)[number];

export type PublishRules = {
  /** Checks that block publishing and scheduling when they fail; the others warn. */
  require: readonly ChecklistKey[];
  /** Longest headline the checklist accepts (HEADLINE_MAX_LENGTH, characters). */
  headlineMaxLength: number;
};

export const defaultPublishRules: PublishRules = { require: [], headlineMaxLength: 110 };

export type ChecklistState = "ok" | "warn" | "block";
export type ChecklistItem = { key: ChecklistKey | "embargo" | "leadImageAlt" | "bodyPicturesAlt"; state: ChecklistState; label: string; message: string };

/** The fields checked: the form's values as typed, or the story as stored. */
export type ChecklistStory = {
  headline: string;
  standfirst: string;
  /** The tags, or how many there are. */
  tags: readonly unknown[] | number;
  /** Empty when the form leaves it to follow the headline. */
  slug: string;
  /** Proposed from agency copy that had no headline, and not changed since ("headline needs writing"). */
  headlineProposed?: boolean;
  embargoUntil?: Date | string | null;
  /** The lead picture's alt text, or null when the story has no picture. */
  leadImageAlt?: string | null;
  /** The alt text of each picture in the body, in order ("" for one that has none). */
  bodyPictureAlts?: readonly string[];
};

const MAX_SENSIBLE_SLUG = 60;
const characters = (text: string) => [...text].length;

/** The story's checklist, in the order the sidebar shows it. */
export function prepublishChecklist(story: ChecklistStory, rules: PublishRules, options: { timeZone: string; now?: Date }): ChecklistItem[] {
  const failing = (key: ChecklistKey): ChecklistState => (rules.require.includes(key) ? "block" : "warn");
  const check = (key: ChecklistKey, label: string, problem: string | null, ok: string): ChecklistItem =>
    problem ? { key, label, state: failing(key), message: problem } : { key, label, state: "ok", message: ok };

  const headline = story.headline.trim();
  const length = characters(headline);
  const tagCount = typeof story.tags === "number" ? story.tags : story.tags.length;
  const slug = story.slug.trim() || (headline ? makeSlug(headline) : "");

  return [
    check(
      "headline",
      "Headline",
      !headline ? "Write a headline." : length > rules.headlineMaxLength ? `${length} characters: at most ${rules.headlineMaxLength}.` : null,
      `${length} of ${rules.headlineMaxLength} characters.`,
    ),
    check("headlineWritten", "Headline written", story.headlineProposed ? "Headline needs writing: it was proposed from the agency's copy." : null, "Written by the desk."),
    check("standfirst", "Standfirst", story.standfirst.trim() ? null : "Add a standfirst.", "Present."),
    check("tags", "Tags", tagCount === 0 ? "Add at least one tag." : null, `${tagCount} ${tagCount === 1 ? "tag" : "tags"}.`),
    check("slug", "Slug", slugProblem(slug), `/${slug}`),
    ...leadImageItem(story.leadImageAlt ?? null),
    ...bodyPicturesItem(story.bodyPictureAlts ?? []),
    embargoItem(story.embargoUntil ?? null, options),
  ];
}

function slugProblem(slug: string): string | null {
  if (!slug) return "The slug is made from the headline: write one.";
  if (!slugPattern.test(slug)) return "Use lower-case letters, digits and single hyphens.";
  if (/^[0-9-]+$/.test(slug)) return "A slug of only digits says nothing: use words from the headline.";
  if (slug === "story") return "Make the slug from the headline's words.";
  if (slug.length > MAX_SENSIBLE_SLUG) return `${slug.length} characters: shorten it to ${MAX_SENSIBLE_SLUG} or fewer.`;
  return null;
}

/** A story with a picture needs its alt text (what a reader who cannot see it is told): always required, whatever PUBLISH_REQUIRE says. */
function leadImageItem(alt: string | null): ChecklistItem[] {
  if (alt === null) return [];
  return alt.trim()
    ? [{ key: "leadImageAlt", state: "ok", label: "Picture", message: "Has alt text." }]
    : [{ key: "leadImageAlt", state: "block", label: "Picture", message: "Describe the lead picture (its alt text) for readers who cannot see it." }];
}

/** The same for the pictures in the body: each needs its alt text. */
function bodyPicturesItem(alts: readonly string[]): ChecklistItem[] {
  if (alts.length === 0) return [];
  const without = alts.filter((alt) => !alt.trim()).length;
  const label = "Pictures in the body";
  if (without === 0) return [{ key: "bodyPicturesAlt", state: "ok", label, message: alts.length === 1 ? "Has alt text." : `All ${alts.length} have alt text.` }];
  const which = alts.length === 1 ? "the picture in the body" : `${without} of the ${alts.length} pictures in the body`;
  return [{ key: "bodyPicturesAlt", state: "block", label, message: `Describe ${which} (alt text) for readers who cannot see ${without === 1 ? "it" : "them"}.` }];
}

function embargoItem(embargoUntil: Date | string | null, { timeZone, now = new Date() }: { timeZone: string; now?: Date }): ChecklistItem {
  const until = embargoUntil === null || embargoUntil === "" ? null : new Date(embargoUntil);
  if (!until || Number.isNaN(until.getTime())) return { key: "embargo", state: "ok", label: "Embargo", message: "No embargo." };
  const when = formatZonedTime(until, timeZone);
  return until > now
    ? { key: "embargo", state: "warn", label: "Embargo", message: `Embargoed until ${when}: publishing schedules it for then.` }
    : { key: "embargo", state: "ok", label: "Embargo", message: `Embargo lifted ${when}.` };
}

/** The checks that stop the story going live, empty when it may. */
export function blockingItems(items: readonly ChecklistItem[]): ChecklistItem[] {
  return items.filter((item) => item.state === "block");
}
