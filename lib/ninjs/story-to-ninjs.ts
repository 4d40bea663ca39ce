import { env } from "@/lib/env";
import { absoluteUrl, storyPath, tagPath } from "@/lib/site/urls";
import { isLive } from "@/lib/stories/live";
import { bodyText } from "@/lib/stories/sanitize-body";
import type { StoryStatus, TagType } from "@/lib/stories/schemas";
import { renditionUrl } from "@/lib/media/media-store";
import type { Rendition } from "@/lib/media/renditions";

/** The NINJS version we write; its schema is committed in lib/ninjs/schema/. */
export const NINJS_VERSION = "2.1";
export const NINJS_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

/** What the mapping reads of a story (lib/ninjs/get-story-ninjs.ts selects exactly this). */
export type NinjsSourceStory = {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  body: string;
  status: StoryStatus;
  version: number;
  byline: string | null;
  agency: string | null;
  credits: string | null;
  datelineLocation: string | null;
  datelineCountry: string | null;
  embargoUntil: Date | null;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  wireGuid: string | null;
  tags: { name: string; slug: string; type: TagType }[];
  /** The picture the story leads with, or null. */
  leadImage: { id: string; caption: string; credit: string; byline: string; copyright: string; alt: string; renditions: Rendition[] } | null;
};

type Text = { role?: string; contenttype?: string; value: string };
type Concept = { name: string; uri: string; literal: string };

/** The NINJS 2.1 properties we write, named and shaped as IPTC's schema has them. */
export type Ninjs = {
  uri: string;
  type: "text";
  representationtype: "full";
  standard: { name: "ninjs"; version: string; schema: string };
  version: string;
  firstcreated: string;
  versioncreated: string;
  contentcreated: string;
  pubstatus: "usable" | "withheld" | "canceled";
  embargoed?: string;
  ednote?: string;
  language: string;
  copyrightholder: string;
  copyrightnotice: string;
  slugline: string;
  headlines: Text[];
  descriptions?: Text[];
  bodies: (Text & { charcount: number; wordcount: number })[];
  by?: string;
  located?: string;
  subjects?: Concept[];
  people?: Concept[];
  places?: Concept[];
  organisations?: Concept[];
  infosources?: { name: string }[];
  altids?: { role: string; value: string }[];
  renditions?: { name: string; href: string; contenttype: string; width?: number; height?: number; sizeinbytes?: number }[];
  associations?: NinjsPicture[];
};

/** A picture associated with a story, as NINJS 2.1 describes one (each association is itself a ninjs object). */
export type NinjsPicture = Pick<Ninjs, "uri" | "descriptions" | "by" | "infosources" | "renditions"> & {
  name: string;
  type: "picture";
  representationtype: "full";
  copyrightnotice?: string;
};

const CONTENT_TYPES = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" } as const;

/** The lead picture as an association named "featureimage", with every rendition made of it. */
export function pictureAssociation(picture: NonNullable<NinjsSourceStory["leadImage"]>): NinjsPicture {
  const descriptions = [
    ...(picture.caption ? [{ role: "caption", contenttype: "text/plain", value: picture.caption }] : []),
    ...(picture.alt ? [{ role: "alt", contenttype: "text/plain", value: picture.alt }] : []),
  ];
  return {
    name: "featureimage",
    uri: absoluteUrl(`/api/v1/media/${picture.id}`),
    type: "picture",
    representationtype: "full",
    ...(descriptions.length ? { descriptions } : {}),
    ...(picture.byline ? { by: picture.byline } : {}),
    ...(picture.credit ? { infosources: [{ name: picture.credit }] } : {}),
    ...(picture.copyright ? { copyrightnotice: picture.copyright } : {}),
    renditions: picture.renditions.map((each) => ({
      name: `${each.ratio === "original" ? "original" : each.ratio.replace(":", "x")}-${each.width}-${each.format}`,
      href: renditionUrl(each.key),
      contenttype: CONTENT_TYPES[each.format],
      width: each.width,
      height: each.height,
      sizeinbytes: each.bytes,
    })),
  };
}

const tagGroups: Record<TagType, "subjects" | "people" | "places" | "organisations"> = {
  topic: "subjects",
  person: "people",
  place: "places",
  organisation: "organisations",
};

/**
 * usable only while readers may see the story; anything not yet live (draft, in review,
 * scheduled, under embargo, unpublished) is withheld, so a consumer that reads nothing but
 * pubstatus still cannot run it early; a killed story is canceled.
 */
function publicationStatus(story: NinjsSourceStory, now: Date): Pick<Ninjs, "pubstatus" | "ednote"> {
  if (story.status === "killed") return { pubstatus: "canceled", ednote: "Killed: do not use, and take down any copy already published." };
  if (isLive(story, now)) return { pubstatus: "usable" };
  if (story.embargoUntil && story.embargoUntil > now) {
    return { pubstatus: "withheld", ednote: `Embargoed until ${story.embargoUntil.toISOString()}: not for publication before then.` };
  }
  const goesLive = story.status === "scheduled" ? (story.scheduledAt ?? story.publishedAt) : story.publishedAt;
  if (goesLive && goesLive > now) {
    return { pubstatus: "withheld", ednote: `Scheduled for ${goesLive.toISOString()}: not for publication before then.` };
  }
  return { pubstatus: "withheld", ednote: story.status === "unpublished" ? "Unpublished: not for publication." : "Not yet published: not for publication." };
}

// A word has a letter or digit in it: "&" and "–" standing alone are not words.
const countWords = (text: string) => text.split(" ").filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);

/**
 * A story as an IPTC NINJS 2.1 text item. The uri is the story's API address by id, so it stays
 * the same when the slug changes; the reader page is a rendition, given only while it is live.
 */
export function storyToNinjs(story: NinjsSourceStory, now: Date): Ninjs {
  const { SITE_NAME, SITE_LANGUAGE } = env();
  const status = publicationStatus(story, now);
  const text = bodyText(story.body);
  const concepts = (group: (typeof tagGroups)[TagType]) =>
    nonEmpty(
      story.tags
        .filter((tag) => tagGroups[tag.type] === group)
        .map((tag) => ({ name: tag.name, uri: absoluteUrl(tagPath(tag.slug)), literal: tag.slug })),
    );
  const located = [story.datelineLocation, story.datelineCountry].filter(Boolean).join(", ");

  return {
    uri: absoluteUrl(`/api/v1/stories/${story.id}`),
    type: "text",
    representationtype: "full",
    standard: { name: "ninjs", version: NINJS_VERSION, schema: NINJS_SCHEMA_URI },
    version: String(story.version),
    firstcreated: story.createdAt.toISOString(),
    versioncreated: story.updatedAt.toISOString(),
    contentcreated: story.createdAt.toISOString(),
    ...status,
    ...(story.embargoUntil ? { embargoed: story.embargoUntil.toISOString() } : {}),
    language: SITE_LANGUAGE,
    copyrightholder: SITE_NAME,
    copyrightnotice: `© ${SITE_NAME}`,
    slugline: story.slug,
    headlines: [{ role: "main", contenttype: "text/plain", value: story.headline }],
    descriptions: nonEmpty([
      ...(story.standfirst ? [{ role: "summary", contenttype: "text/plain", value: story.standfirst }] : []),
      ...(story.credits ? [{ role: "credits", contenttype: "text/plain", value: story.credits }] : []),
    ]),
    // The stored body is already sanitised HTML (lib/stories/sanitize-body.ts).
    bodies: [{ role: "main", contenttype: "text/html", value: story.body, charcount: text.length, wordcount: countWords(text) }],
    ...(story.byline ? { by: story.byline } : {}),
    ...(located ? { located } : {}),
    subjects: concepts("subjects"),
    people: concepts("people"),
    places: concepts("places"),
    organisations: concepts("organisations"),
    // Wire provenance: the agency, and the NINJS uri of the agency item the story was made from.
    infosources: story.agency ? [{ name: story.agency }] : undefined,
    altids: story.wireGuid ? [{ role: "agency-uri", value: story.wireGuid }] : undefined,
    renditions: status.pubstatus === "usable" ? [{ name: "web", href: absoluteUrl(storyPath(story.slug)), contenttype: "text/html" }] : undefined,
    associations: story.leadImage ? [pictureAssociation(story.leadImage)] : undefined,
  };
}
