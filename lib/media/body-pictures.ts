import { escapeHtml } from "@/lib/escape-html";
import { figureHtml, largestJpeg, pictureCredit, type ReaderPicture } from "@/lib/media/reader-picture";
import type { SafeHtml } from "@/lib/html/template";

// The pictures a story's body shows (`<figure data-media="{id}"></figure>`, lib/stories/sanitize-body.ts),
// drawn where the figure stands: on the page as a <picture> with its caption and credit, in feeds
// as a plain <img>. The article reads them in its one query (lib/reader/get-live-story.ts); lists
// of stories with bodies (feeds) through loadBodyPictures (lib/media/load-body-pictures.ts).

const FIGURE = /<figure data-media="([0-9a-f-]{36})"><\/figure>/g;

/** A body with each figure drawn as the page shows it: as framed, lazily loaded; one the library no longer holds goes. */
export function bodyWithPictures(bodyHtml: string, pictures: Record<string, ReaderPicture>, sizes: string): string {
  return bodyHtml.replace(FIGURE, (_, id: string) => {
    const picture = pictures[id];
    const figure: SafeHtml | null = picture ? figureHtml(picture, { ratio: "original", sizes, testId: "inline-picture" }) : null;
    return figure ? figure.markup : "";
  });
}

/** The same for a feed item: the largest JPEG as framed, with its caption and credit. */
export function feedBodyWithPictures(bodyHtml: string, pictures: Record<string, ReaderPicture>): string {
  return bodyHtml.replace(FIGURE, (_, id: string) => {
    const picture = pictures[id];
    const image = picture ? largestJpeg(picture, "original") : null;
    if (!picture || !image) return "";
    const caption = [picture.caption, pictureCredit(picture)].filter(Boolean).map(escapeHtml).join(" ");
    return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(picture.alt)}" width="${image.width}" height="${image.height}"/>${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
  });
}
