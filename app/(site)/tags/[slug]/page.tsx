import type { Metadata } from "next";
import { TagStories } from "@/components/site/tag-stories";
import { tagMetadata } from "@/lib/reader/tag-metadata";

export const revalidate = 3600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug);
}

export default async function TagPage({ params }: Props) {
  return <TagStories slug={(await params).slug} />;
}
