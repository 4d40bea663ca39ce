import { needsAlt, thumbnailOf, type Picture } from "@/components/media/picture-renditions";

/** The "needs alt text" marker: in words, so that it does not rest on its colour. */
export function NeedsAltMarker() {
  return <span className="inline-block rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900" data-testid="needs-alt">Needs alt text</span>;
}

/**
 * A picture in a grid: a small rendition of the whole frame (fetched as it scrolls into view, its
 * size known beforehand so the grid does not jump), its file name, the start of its caption, its
 * credit, and whether it still needs alt text.
 */
export function PictureSummary({ picture, note }: { picture: Picture; note?: string }) {
  const thumbnail = thumbnailOf(picture);
  return (
    <>
      <span className="flex aspect-[4/3] items-center justify-center overflow-hidden rounded-t bg-slate-100">
        {thumbnail ? (
          // The words beside it say what it is: the picture itself is not read out twice.
          <img src={thumbnail.url} width={thumbnail.width} height={thumbnail.height} alt="" loading="lazy" decoding="async" className="max-h-full w-auto max-w-full object-contain" />
        ) : null}
      </span>
      <span className="block space-y-0.5 p-2 text-sm">
        <span className="block truncate font-medium text-slate-900" data-testid="media-filename">{picture.filename}</span>
        {picture.caption ? (
          <span className="line-clamp-2 text-slate-700" data-testid="media-caption">{picture.caption}</span>
        ) : (
          <span className="block text-slate-500">No caption</span>
        )}
        {picture.credit ? <span className="block truncate text-xs text-slate-600" data-testid="media-credit">{picture.credit}</span> : null}
        {needsAlt(picture) ? <NeedsAltMarker /> : null}
        {note ? <span className="block text-xs font-semibold text-sky-900">{note}</span> : null}
      </span>
    </>
  );
}
