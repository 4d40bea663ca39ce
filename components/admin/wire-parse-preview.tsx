import type { WireParse } from "@/lib/wire";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { formatName, metadataLine } from "@/lib/wire/describe-parse";

/**
 * What the parser made of an item. Wire copy is untrusted: every part is rendered as text,
 * never as markup.
 */
export function WireParsePreview({ parse, dateline }: { parse: WireParse; dateline: string | null }) {
  const facts: [string, string | null][] = [
    ["Agency", parse.agency],
    ["Location", [parse.location, parse.country].filter(Boolean).join(", ") || null],
    ["Date", parse.date],
    ["Byline", parse.byline],
    ["Credits", parse.credits],
    ["Agency id", parse.guid ? `${parse.guid} (version ${parse.version ?? "?"})` : null],
  ];
  return (
    <div className="space-y-3">
      {parse.embargoUntil ? (
        <p className="rounded border-2 border-amber-500 bg-amber-50 px-4 py-2 font-semibold text-amber-950" data-testid="embargo">
          Embargoed until {formatNewsroomTime(parse.embargoUntil)} ({parse.embargoUntil})
        </p>
      ) : null}
      {parse.headline ? (
        <p className="font-serif text-xl font-bold">
          {parse.headline}
          {parse.headlineProposed ? <span className="ml-2 align-middle font-sans text-xs font-normal text-slate-600">(proposed from the lede: the copy has no headline)</span> : null}
        </p>
      ) : null}
      {metadataLine(parse) ? <p className="text-sm text-slate-700 [overflow-wrap:anywhere]" data-testid="preview-metadata">{metadataLine(parse)}</p> : null}
      {parse.problems?.length ? (
        <ul className="list-disc rounded border border-amber-300 bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-950" aria-label="What could not be read" data-testid="preview-problems">
          {parse.problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      ) : null}
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Dateline</dt>
        <dd className="font-medium" data-testid="preview-dateline">{dateline ?? "none"}</dd>
        {facts.filter(([, value]) => value).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {/* Scrolls, so it takes focus: keyboard users can scroll it too. */}
      <div tabIndex={0} role="region" aria-label="Body as parsed" className="max-h-96 overflow-y-auto rounded border border-slate-100 bg-slate-50 p-3 text-sm leading-relaxed focus:outline-none focus:ring-2 focus:ring-slate-400" data-testid="preview-body">
        {/* A table the agency laid out with spaces comes as one block of lines: kept as laid out. */}
        {parse.paragraphs.map((paragraph, index) =>
          paragraph.includes("\n") ? <pre key={index} className="mb-2 overflow-x-auto font-mono text-xs">{paragraph}</pre> : <p key={index} className="mb-2">{paragraph}</p>,
        )}
      </div>
      <p className="text-xs text-slate-500">{parse.paragraphs.length} paragraphs · {formatName(parse.format)}</p>
    </div>
  );
}
