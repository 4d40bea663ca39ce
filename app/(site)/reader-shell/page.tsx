// The reader layout with an empty slot: the page around every article and story list. The front
// (lib/serving) fetches it once per process, strips Next's scripts (those pages are plain HTML)
// and puts each page into the slot, so the header, footer, stylesheets and <head> basics have one
// source. Readers never reach this path: the front answers 404 for it.
export const dynamic = "force-dynamic";

export default function ReaderShell() {
  return <div data-page-slot="" />;
}
