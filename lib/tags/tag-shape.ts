import type { Prisma } from "@/generated/prisma/client";
import { absoluteUrl, tagPath } from "@/lib/site/urls";

export const tagSelect = { id: true, name: true, slug: true, type: true, aliases: true } satisfies Prisma.TagSelect;
export type TagRow = Prisma.TagGetPayload<{ select: typeof tagSelect }>;

/** A tag as the API and the newsroom see it. */
export function toTagJson(row: TagRow) {
  return { id: row.id, name: row.name, slug: row.slug, type: row.type, aliases: row.aliases, url: absoluteUrl(tagPath(row.slug)) };
}

export type TagJson = ReturnType<typeof toTagJson>;
