/** What a revision records of a story: the fields an editor changes, in one shape everywhere. */
export type RevisionSnapshot = {
  headline: string;
  standfirst: string;
  /** Absent from revisions saved before search and social fields existed. */
  metaDescription?: string;
  socialHeadline?: string;
  body: string;
  byline: string | null;
  agency: string | null;
  credits: string | null;
  dateline: { location: string | null; country: string | null; date: string | null };
  slug: string;
  status: string;
  embargoUntil: string | null;
  /** The lead picture's id; absent from revisions saved before stories had pictures (none then). */
  leadImageId?: string | null;
  tags: { name: string; slug: string; type: string }[];
};

export function revisionSnapshot(story: RevisionSnapshot): RevisionSnapshot {
  const { headline, standfirst, body, byline, agency, credits, dateline, slug, status, embargoUntil, tags } = story;
  const { metaDescription = "", socialHeadline = "", leadImageId = null } = story;
  return { headline, standfirst, metaDescription, socialHeadline, body, byline, agency, credits, dateline, slug, status, embargoUntil, leadImageId, tags };
}

/**
 * A snapshot's editable fields as an update of the story (the input `updateStory` takes): how an
 * old revision is restored and a draft of changes goes live. Status is not copy, so it stays.
 */
export function snapshotUpdateInput(snapshot: RevisionSnapshot, version: number) {
  const { headline, standfirst, body, byline, agency, credits, dateline, slug, embargoUntil, tags } = snapshot;
  const { metaDescription = "", socialHeadline = "", leadImageId = null } = snapshot;
  return {
    version,
    headline, standfirst, metaDescription, socialHeadline, body, byline, agency, credits, dateline, slug, embargoUntil,
    leadImage: leadImageId ? { id: leadImageId } : null,
    tags: tags.map(({ name, type }) => ({ name, type })),
  };
}
