import { frontOnly } from "@/lib/serving/front-only";
import { NotFoundMessage } from "@/components/site/status-message";

// What the front answers, with 404, for a story, tag or page that does not exist (or is not public).
// Even its title only for the front: a request without the token learns nothing of the page.
export async function generateMetadata() {
  await frontOnly();
  return { title: "Not found", robots: { index: false } };
}

export const dynamic = "force-dynamic";

export default async function NotFoundPage() {
  await frontOnly();
  return <NotFoundMessage />;
}
