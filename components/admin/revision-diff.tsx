import type { DiffPart, FieldDiff } from "@/lib/stories/revision-diff";

// Used by the revisions page (a server component) and the story form's stale-save notice (a
// client component): plain markup, no hooks. Insertions and deletions are <ins>/<del> with colour
// and a mark that does not rely on colour (underline, strike-through), and say so to screen readers.

const layouts: Record<FieldDiff["layout"], string> = {
  inline: "leading-relaxed",
  block: "whitespace-pre-wrap font-serif leading-relaxed",
  list: "flex flex-wrap gap-2",
};

function Part({ part, list }: { part: DiffPart; list: boolean }) {
  const chip = list ? "rounded px-2 py-0.5" : "rounded-sm px-0.5";
  if (part.change === "added") {
    return (
      <ins className={`${chip} bg-emerald-100 text-emerald-950 underline decoration-emerald-700 decoration-2`}>
        <span className="sr-only">[added: </span>{part.text}<span className="sr-only">]</span>
      </ins>
    );
  }
  if (part.change === "removed") {
    return (
      <del className={`${chip} bg-red-100 text-red-950 line-through decoration-red-700 decoration-2`}>
        <span className="sr-only">[removed: </span>{part.text}<span className="sr-only">]</span>
      </del>
    );
  }
  return list ? <span className={`${chip} bg-slate-100 text-slate-800`}>{part.text}</span> : <>{part.text}</>;
}

/** The fields that differ between two versions of a story, with what was added and removed. */
export function RevisionDiff({ fields }: { fields: FieldDiff[] }) {
  if (fields.length === 0) return <p className="text-sm text-slate-600" data-testid="revision-diff">No differences in the copy.</p>;
  return (
    <div data-testid="revision-diff">
      <p className="mb-3 text-xs text-slate-600">
        <del className="rounded-sm bg-red-100 px-1 text-red-950 line-through">removed</del>{" "}
        <ins className="rounded-sm bg-emerald-100 px-1 text-emerald-950 underline">added</ins>
      </p>
      <dl className="space-y-4">
        {fields.map((field) => (
          <div key={field.field} data-testid={`diff-${field.field}`}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{field.label}</dt>
            <dd className={`mt-1 text-slate-900 ${layouts[field.layout]}`}>
              {field.parts.map((part, index) => (
                <Part key={index} part={part} list={field.layout === "list"} />
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
