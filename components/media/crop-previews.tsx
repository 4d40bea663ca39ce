import { renditionFor, type Picture, type PictureRatio } from "@/components/media/picture-renditions";

const crops: { ratio: PictureRatio; label: string }[] = [
  { ratio: "16:9", label: "16:9: the article, lists and social cards" },
  { ratio: "4:3", label: "4:3: search engines" },
  { ratio: "1:1", label: "1:1: search engines" },
];

/** The crops readers and search engines get, as made from the saved focal point. */
export function CropPreviews({ picture, pending }: { picture: Picture; pending: boolean }) {
  return (
    <section aria-labelledby="crops-heading" className="mt-6">
      <h2 id="crops-heading" className="text-base font-semibold text-slate-900">Crops</h2>
      <p className="text-sm text-slate-600" aria-live="polite">
        {pending ? "Save to make the crops again around the new focal point. These are the crops as saved." : "Made from the saved focal point."}
      </p>
      <ul className="mt-3 grid grid-cols-3 items-start gap-3">
        {crops.map(({ ratio, label }) => {
          const crop = renditionFor(picture, ratio, { minWidth: 400 });
          return crop ? (
            <li key={ratio} data-testid={`crop-${ratio}`}>
              <figure>
                <img src={crop.url} width={crop.width} height={crop.height} alt="" loading="lazy" className={`h-auto w-full rounded bg-slate-100 ${pending ? "opacity-60" : ""}`} />
                <figcaption className="mt-1 text-xs text-slate-700">{label}</figcaption>
              </figure>
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
