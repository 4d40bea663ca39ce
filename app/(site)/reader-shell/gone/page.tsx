import { frontOnly } from "@/lib/serving/front-only";
import { StatusMessage } from "@/components/site/status-message";

// What a killed story's address shows. The front (lib/serving) serves it with 410 Gone at the
// story's URL, under any slug the story had.
// Even its title only for the front: a request without the token learns nothing of the page.
export async function generateMetadata() {
  await frontOnly();
  return { title: "Story withdrawn", robots: { index: false } };
}

export const dynamic = "force-dynamic";

export default async function GonePage() {
  await frontOnly();
  return (
    <StatusMessage code={410} title="This story has been withdrawn">
      The newsroom has taken it down for good. It is no longer available on this site.
    </StatusMessage>
  );
}
