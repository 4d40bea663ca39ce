import { html, type SafeHtml } from "@/lib/html/template";
import { renditionSrc, renditionUrl } from "@/lib/media/media-store";
import type { Ratio, Rendition, RenditionFormat } from "@/lib/media/renditions";

/** What reader pages, feeds and structured data need of a picture. */
export type ReaderPicture = { alt: string; caption: string; credit: string; byline: string; width: number; height: number; renditions: Rendition[] };

const TYPES: Record<RenditionFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };

const ofRatio = (picture: ReaderPicture, ratio: Ratio, format: RenditionFormat) =>
  picture.renditions.filter((each) => each.ratio === ratio && each.format === format).sort((a, b) => a.width - b.width);

/** The largest JPEG of a crop: what feeds, cards and search engines are given. */
export function largestJpeg(picture: ReaderPicture, ratio: Ratio): (Rendition & { url: string }) | null {
  const found = ofRatio(picture, ratio, "jpeg").at(-1);
  return found ? { ...found, url: renditionUrl(found.key) } : null;
}

/** Who to thank under a picture: its credit, with the photographer's name where it is not already in it. */
export function pictureCredit(picture: Pick<ReaderPicture, "credit" | "byline">): string {
  const { credit, byline } = picture;
  if (byline && credit && !credit.includes(byline)) return `${byline} / ${credit}`;
  return credit || byline;
}

/**
 * A <picture> of one crop: AVIF, then WebP, then JPEG, each at every width made, with `sizes`
 * telling the browser how wide it shows, and the JPEG's width and height on the <img> so the page
 * keeps the room before it arrives. `lead`: the first thing on the page, fetched first and never lazily.
 */
export function pictureHtml(picture: ReaderPicture, options: { ratio: Ratio; sizes: string; lead?: boolean; className?: string }): SafeHtml | null {
  const jpegs = ofRatio(picture, options.ratio, "jpeg");
  if (jpegs.length === 0) return null;
  const srcset = (list: Rendition[]) => list.map((each) => `${renditionSrc(each.key)} ${each.width}w`).join(", ");
  // The 800-wide (or nearest) as the fallback source: a phone at two pixels per point.
  const fallback = jpegs.find((each) => each.width >= 800) ?? jpegs[jpegs.length - 1];
  const sources = (["avif", "webp"] as const).map((format) => {
    const list = ofRatio(picture, options.ratio, format);
    return list.length ? html`<source type="${TYPES[format]}" srcset="${srcset(list)}" sizes="${options.sizes}"/>` : null;
  });
  const loading = options.lead ? html` fetchpriority="high" decoding="async"` : html` loading="lazy" decoding="async"`;
  return html`<picture>${sources}<img src="${renditionSrc(fallback.key)}" srcset="${srcset(jpegs)}" sizes="${options.sizes}" width="${fallback.width}" height="${fallback.height}" alt="${picture.alt}"${loading}${
    options.className ? html` class="${options.className}"` : null
  }/></picture>`;
}

/** A figure: the picture, and under it the caption and credit. */
export function figureHtml(picture: ReaderPicture, options: { ratio: Ratio; sizes: string; lead?: boolean; testId?: string }): SafeHtml | null {
  const image = pictureHtml(picture, { ...options, className: "h-auto w-full rounded bg-slate-100" });
  if (!image) return null;
  const credit = pictureCredit(picture);
  const caption = picture.caption || credit ? html`<figcaption class="mt-2 text-sm leading-snug text-slate-600">${picture.caption}${picture.caption && credit ? " " : null}${
    credit ? html`<span class="text-slate-500" data-testid="picture-credit">${credit}</span>` : null
  }</figcaption>` : null;
  return html`<figure class="my-6"${options.testId ? html` data-testid="${options.testId}"` : null}>${image}${caption}</figure>`;
}
