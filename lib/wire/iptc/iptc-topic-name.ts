import mediaTopics from "@/lib/wire/iptc/media-topics.json";
import subjectCodes from "@/lib/wire/iptc/subject-codes.json";

// The IPTC vocabularies' English names, as kept in this folder (each file says where from and how
// to refresh it). A feed's own name for a topic wins; these name the codes it sends bare.
const names = new Map<string, string>([...Object.entries(mediaTopics.codes), ...Object.entries(subjectCodes.codes)]);

const TRAILING_SLASH = /\/$/;
// Feeds that send a URI instead of a qcode use the vocabularies' own addresses.
const SCHEME_URIS: [string, string][] = [
  ["http://cv.iptc.org/newscodes/mediatopic/", "medtop:"],
  ["https://cv.iptc.org/newscodes/mediatopic/", "medtop:"],
  ["http://cv.iptc.org/newscodes/subjectcode/", "subj:"],
  ["https://cv.iptc.org/newscodes/subjectcode/", "subj:"],
];

/** The qcode of an IPTC topic URI ("http://cv.iptc.org/newscodes/mediatopic/04000000" → "medtop:04000000"), or null. */
export function iptcQcode(uri: string): string | null {
  for (const [prefix, alias] of SCHEME_URIS) if (uri.startsWith(prefix)) return alias + uri.slice(prefix.length).replace(TRAILING_SLASH, "");
  return null;
}

/** The English name of an IPTC Media Topic or Subject NewsCode ("medtop:15000000" → "sport"), or null when not listed. */
export function iptcTopicName(qcode: string): string | null {
  return names.get(qcode.trim()) ?? null;
}
