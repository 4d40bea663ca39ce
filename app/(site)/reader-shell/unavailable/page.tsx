import { frontOnly } from "@/lib/serving/front-only";
import { StatusMessage } from "@/components/site/status-message";

// What the front answers, with 503 and Retry-After, for a page it has never kept while the
// database cannot be reached. Pages it has kept go on being served meanwhile.
// Even its title only for the front: a request without the token learns nothing of the page.
export async function generateMetadata() {
  await frontOnly();
  return { title: "Back in a moment", robots: { index: false } };
}

export const dynamic = "force-dynamic";

export default async function UnavailablePage() {
  await frontOnly();
  return (
    <StatusMessage code={503} title="Back in a moment">
      This page cannot be made just now. Please try again in a few seconds.
    </StatusMessage>
  );
}
