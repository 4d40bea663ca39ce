import { CorrectionForm } from "@/components/admin/correction-form";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import type { StoryJson } from "@/lib/stories/story-shape";

const kindLabel = { correction: "Correction", update: "Update" } as const;

/**
 * The story's corrections and updates, and (for a role that may add them, on a story readers have
 * seen) the form to add one. Nothing at all for a story never published that has none.
 */
export function CorrectionsPanel({ story, canCorrect }: { story: StoryJson; canCorrect: boolean }) {
  const seen = !!story.firstPublishedAt && new Date(story.firstPublishedAt) <= new Date();
  const showForm = canCorrect && seen && story.status !== "killed";
  if (!showForm && story.corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-panel-heading" className="mt-6 rounded border border-slate-200 bg-white p-4" data-testid="corrections-panel">
      <h2 id="corrections-panel-heading" className="font-medium">{showForm ? "Add a correction or update" : "Corrections and updates"}</h2>
      {story.corrections.length ? (
        <ol className="mt-3 space-y-2 text-sm" aria-label="Corrections and updates" data-testid="correction-list">
          {story.corrections.map((correction) => (
            <li key={correction.id} className="border-l-2 border-slate-300 pl-3">
              <p className="text-slate-600">
                <strong className="font-semibold text-slate-900">{kindLabel[correction.kind]}</strong> ·{" "}
                <time dateTime={correction.createdAt}>{formatNewsroomTime(correction.createdAt)}</time> · {correction.author.name}
              </p>
              <p className="whitespace-pre-line">{correction.note}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {showForm ? <div className="mt-4"><CorrectionForm storyId={story.id} /></div> : null}
    </section>
  );
}
