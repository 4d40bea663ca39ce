import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TagStories } from "@/components/site/tag-stories";
import { readTagPage, READER_PAGE_SIZE } from "@/lib/reader/cached";
import { tagMetadata } from "@/lib/reader/tag-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug);
}

export default async function TagPage({ params }: Props) {
  const page = await readTagPage((await params).slug, undefined, READER_PAGE_SIZE);
  if (!page) notFound();
  return <TagStories page={page} />;
}
