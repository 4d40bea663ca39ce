import { NotFoundMessage } from "@/components/site/status-message";
import { SiteFrame } from "@/components/site/site-frame";

// Next's answer for an address no route matches. The front answers unknown stories and tags
// itself, with the same message in the same frame (app/(site)/reader-shell/not-found).
export const metadata = { title: "Not found", robots: { index: false } };

export default function NotFound() {
  return (
    <SiteFrame>
      <NotFoundMessage />
    </SiteFrame>
  );
}
