import "server-only";
import { readerDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

// Full-text search of published stories: the newest 500 matches, ranked (headline over standfirst
// over body), with highlighted snippets. Reads Story."searchVector" and its GIN index (migration 20261125040000_story_search).

export const SEARCH_PAGE_SIZE = 20;
// How many of the newest matching stories are ranked (25 pages).
const CANDIDATES = 500;
const MAX_QUERY_LENGTH = 200;
// Snippet highlights are marked with control characters the text cannot contain, then split
// into text and <mark> parts by the page: no HTML is ever built from the story's text.
const START = "\u0001";
const STOP = "\u0002";

export type SnippetPart = { text: string; match: boolean };
export type SearchHit = { id: string; slug: string; headline: string; publishedAt: string; snippet: SnippetPart[] };
export type SearchPage = { hits: SearchHit[]; nextCursor: string | null };

type Cursor = { rank: number; id: string };

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.rank, cursor.id])).toString("base64url");

function decode(cursor: string): Cursor {
  try {
    const [rank, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [number, string];
    // The rank is compared as a PostgreSQL real, which refuses numbers it cannot hold (1e300
    // overflows, 1e-50 underflows); ranks are never negative.
    if (typeof rank !== "number" || !(rank === 0 || (rank >= 1e-37 && rank <= 3.4e38)) || typeof id !== "string" || !isUuid(id)) throw new Error("bad cursor");
    return { rank, id };
  } catch {
    throw new AppError("validation_failed", "The cursor is not valid: use the link to the next page", { cursor: ["Not a valid cursor"] });
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The stored body is HTML: its entities are turned back into the characters they stand for. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of decodeEntities(marked).split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (piece) parts.push({ text: piece.replace(/\s+/g, " "), match: index % 2 === 1 });
  }
  return parts;
}

/** Normalises what was typed: null when there is nothing to search for. */
export function searchTerms(q: string | undefined | null): string | null {
  const text = (q ?? "").normalize("NFKC").replace(/[\u0000-\u001f]/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  return text ? text : null;
}

export async function searchStories(options: { q: string; cursor?: string; limit?: number }): Promise<SearchPage> {
  const limit = options.limit ?? SEARCH_PAGE_SIZE;
  const after = options.cursor ? decode(options.cursor) : null;
  const now = new Date();
  // Ranks stay `real`, as ts_rank_cd makes them: a real prints exactly in the shortest form, so the
  // rank in a cursor compares equal to the one recomputed (a float8 would lose its last digits).
  // websearch_to_tsquery reads what people type ("modi putin", "\"free trade\"", "-cricket") and never fails to parse.
  const rows = await readerDb.$queryRaw<{ id: string; slug: string; headline: string; publishedAt: Date; rank: number; snippet: string }[]>`
    WITH
    -- The newest matches first, at most CANDIDATES of them, ranked among themselves: a common word
    -- matches most of a million stories, and ranking them all would take seconds. The query is
    -- written inline (not in a CTE) so that the planner sees its words and picks the path: the
    -- GIN index for rare words, the (status, publishedAt) index for common ones.
    candidates AS (
      SELECT s.id, s.slug, s.headline, s."publishedAt", s.standfirst, s.body, s."searchVector"
      FROM "Story" s
      WHERE s."searchVector" @@ websearch_to_tsquery('english', ${options.q})
        AND s.status = 'published' AND s."publishedAt" <= ${now}
        AND (s."embargoUntil" IS NULL OR s."embargoUntil" <= ${now})
      ORDER BY s."publishedAt" DESC, s.id DESC
      LIMIT ${CANDIDATES}
    ),
    matches AS (
      SELECT c.id, c.slug, c.headline, c."publishedAt", c.standfirst, c.body, ts_rank_cd(c."searchVector", websearch_to_tsquery('english', ${options.q})) AS rank
      FROM candidates c
    ),
    page AS (
      SELECT * FROM matches
      WHERE ${after === null} OR rank < ${after?.rank ?? 0}::real OR (rank = ${after?.rank ?? 0}::real AND id < ${after?.id ?? "00000000-0000-0000-0000-000000000000"}::uuid)
      ORDER BY rank DESC, id DESC
      LIMIT ${limit + 1}
    )
    SELECT page.id, page.slug, page.headline, page."publishedAt", page.rank,
      ts_headline('english', page.standfirst || ' ' || page.body, websearch_to_tsquery('english', ${options.q}),
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
    FROM page
    ORDER BY page.rank DESC, page.id DESC`;
  const visible = rows.slice(0, limit);
  const last = visible[visible.length - 1];
  return {
    hits: visible.map((row) => ({
      id: row.id,
      slug: row.slug,
      headline: row.headline,
      publishedAt: row.publishedAt.toISOString(),
      snippet: snippetParts(row.snippet),
    })),
    nextCursor: rows.length > limit && last ? encode({ rank: last.rank, id: last.id }) : null,
  };
}
