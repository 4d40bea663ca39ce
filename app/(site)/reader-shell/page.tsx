import { frontOnly } from "@/lib/serving/front-only";

// The reader layout with an empty slot: the page around every article and story list. The front
// (lib/serving) fetches it once per process, strips Next's scripts (those pages are plain HTML)
// and puts each page into the slot, so the header, footer, stylesheets and <head> basics have one
// source. Readers never reach this path: only the front, with its token (lib/serving/front-only.ts).
export const dynamic = "force-dynamic";

export default async function ReaderShell() {
  await frontOnly();
  return <div data-page-slot="" />;
}
