import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TagStories } from "@/components/site/tag-stories";
import { readTagPage, READER_PAGE_SIZE } from "@/lib/reader/cached";
import { tagMetadata } from "@/lib/reader/tag-metadata";
import { redirectFromFormerTagSlug } from "@/lib/reader/tag-redirect";
import { tagPath } from "@/lib/site/urls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug);
}

export default async function TagPage({ params }: Props) {
  const { slug } = await params;
  const page = await readTagPage(slug, undefined, READER_PAGE_SIZE);
  if (!page) {
    await redirectFromFormerTagSlug(slug, tagPath);
    notFound();
  }
  return <TagStories page={page} />;
}
