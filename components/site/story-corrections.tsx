import { PublishedTime } from "@/components/site/published-time";
import type { ReaderStory } from "@/lib/reader/reader-story";

const kindLabel = { correction: "Correction", update: "Update" } as const;

/** The foot of an article: its dated corrections and updates, oldest first, each note as plain text. */
export function StoryCorrections({ corrections }: { corrections: ReaderStory["corrections"] }) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="mt-8 border-t border-slate-200 pt-4" data-testid="corrections">
      <h2 id="corrections-heading" className="font-serif text-lg font-bold">Corrections and updates</h2>
      <ol className="mt-2 space-y-3">
        {corrections.map((correction) => (
          <li key={correction.id} className="text-sm text-slate-800" data-testid="correction">
            <p>
              <strong className="font-semibold">{kindLabel[correction.kind]}</strong>
              <span aria-hidden="true"> · </span>
              <PublishedTime iso={correction.createdAt} className="text-slate-600" />
            </p>
            <p className="mt-1 whitespace-pre-line">{correction.note}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
