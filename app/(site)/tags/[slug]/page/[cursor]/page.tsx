import type { Metadata } from "next";
import { TagStories } from "@/components/site/tag-stories";
import { tagMetadata } from "@/lib/reader/tag-metadata";

export const revalidate = 3600;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; cursor: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await tagMetadata((await params).slug)), robots: { index: false, follow: true } };
}

export default async function OlderTagPage({ params }: Props) {
  const { slug, cursor } = await params;
  return <TagStories slug={slug} cursor={cursor} />;
}
