"use client";

import Link from "next/link";
import type { WireItemDetail } from "@/lib/wire-desk/get-wire-item";
import { formatZonedTime } from "@/lib/site/zoned-time";
import { RevisionDiff } from "@/components/admin/revision-diff";
import { StatusBadge } from "@/components/admin/status-badge";
import { PriorityBadge } from "@/components/wire-desk/priority-badge";
import { clusterWords, stateWords } from "@/components/wire-desk/desk-words";
import { thumbnailOf } from "@/components/media/picture-renditions";

// An envelope's control bytes shown as their symbols (SOH as ␁), as the story's wire panel does:
// a browser draws them as nothing, or as empty boxes.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
const controlPictures = (raw: string) => raw.replace(CONTROL, (char) => String.fromCharCode(char === "\x7f" ? 0x2421 : 0x2400 + char.charCodeAt(0)));

const base = "rounded border px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:ring-offset-1";
const buttonClass = `${base} border-slate-300 bg-white hover:bg-slate-100`;
const primaryClass = `${base} border-slate-900 bg-slate-900 text-white hover:bg-slate-700`;

/**
 * The item opened beside the queue: what the parser read, the copy exactly as the agency sent it
 * (text in a <pre>, never markup), the tags suggested, the cluster's other items, and for an
 * update of an item already in a story, what changed, with the way to the story where the editor
 * applies or keeps it.
 */
export function ItemPanel(props: {
  detail: WireItemDetail | null;
  loading: boolean;
  error: string | null;
  timeZone: string;
  canTake: boolean;
  canDismiss: boolean;
  busy: boolean;
  headingRef: React.Ref<HTMLHeadingElement>;
  onTake: () => void;
  onDismiss: () => void;
  onOpenMember: (id: string) => void;
  onClose: () => void;
}) {
  const { detail } = props;
  const time = (iso: string) => formatZonedTime(new Date(iso), props.timeZone);
  return (
    <section aria-labelledby="wire-item-heading" data-testid="wire-item-panel" className="space-y-4">
      <div className="flex items-start justify-between gap-3">
        <h2 id="wire-item-heading" ref={props.headingRef} tabIndex={-1} className="font-serif text-xl font-bold break-words focus:outline-none">
          {detail ? (detail.parsed.headline ?? detail.headline ?? "Untitled wire item") : props.loading ? "Opening…" : "Wire item"}
        </h2>
        <button type="button" onClick={props.onClose} className={buttonClass}>Close<span className="sr-only"> the item</span></button>
      </div>
      {props.error ? <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" role="alert">{props.error}</p> : null}
      {detail ? (
        <>
          {detail.withdrawn ? (
            <p className="rounded border-2 border-red-700 bg-red-50 px-3 py-2 font-bold text-red-900" data-testid="panel-withdrawn">The agency withdrew this item: do not use it.</p>
          ) : null}
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <PriorityBadge priority={detail.priority} />
            <span className="font-semibold">{detail.agency ?? "Agency unknown"}</span>
            {clusterWords(detail) ? <span className="text-violet-900">{clusterWords(detail)}</span> : null}
            <time dateTime={detail.receivedAt}>{time(detail.receivedAt)}</time>
            <span>· {stateWords(detail)}</span>
          </div>
          <div className="flex flex-wrap gap-2">
            {props.canTake ? (
              <button type="button" onClick={props.onTake} disabled={props.busy || detail.withdrawn} className={primaryClass}>
                Take into a draft <kbd className="ml-1 hidden rounded bg-slate-700 px-1 font-mono text-xs sm:inline">t</kbd>
              </button>
            ) : null}
            {props.canDismiss ? (
              <button type="button" onClick={props.onDismiss} disabled={props.busy} className={buttonClass}>
                Dismiss <kbd className="ml-1 hidden rounded bg-slate-100 px-1 font-mono text-xs sm:inline">x</kbd>
              </button>
            ) : null}
            {detail.story ? (
              <Link href={`/admin/stories/${detail.story.id}`} className="self-center text-sm underline">Open “{detail.story.headline}”</Link>
            ) : null}
          </div>
          {detail.update ? <UpdateDiff update={detail.update} time={time} /> : null}
          <div className="space-y-2" data-testid="panel-parse">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">As parsed</h3>
            <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              {(
                [
                  ["Slug line", detail.parsed.slugline],
                  ["Dateline", detail.dateline ?? ([detail.parsed.location, detail.parsed.country].filter(Boolean).join(", ") || null)],
                  ["Byline", detail.parsed.byline],
                  ["Category", detail.parsed.category],
                  ["Words", detail.wordCount !== null ? detail.wordCount.toLocaleString("en") : null],
                ] as const
              )
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-slate-500">{label}</dt>
                    <dd className="break-words" data-testid={`panel-${label.toLowerCase().replace(" ", "-")}`}>{value}</dd>
                  </div>
                ))}
            </dl>
            <div className="space-y-2 font-serif text-[0.95rem] leading-relaxed" data-testid="panel-body">
              {detail.parsed.paragraphs.map((paragraph, index) =>
                paragraph.includes("\n") ? <pre key={index} className="overflow-x-auto font-mono text-xs">{paragraph}</pre> : <p key={index} className="break-words">{paragraph}</p>,
              )}
            </div>
          </div>
          {detail.pictures?.length ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Pictures ({detail.pictures.length})</h3>
              <ul className="mt-1 space-y-2" data-testid="panel-pictures">
                {detail.pictures.map((picture, index) => {
                  const thumbnail = thumbnailOf(picture);
                  return (
                    <li key={picture.id} className="flex gap-2 text-xs text-slate-800">
                      {thumbnail ? <img src={thumbnail.url} width={thumbnail.width} height={thumbnail.height} alt="" loading="lazy" className="h-auto w-24 shrink-0 rounded bg-slate-100" /> : null}
                      <span className="min-w-0 break-words">
                        {index === 0 ? <span className="font-semibold">Leads the draft. </span> : null}
                        {picture.caption || <span className="text-slate-500">No caption.</span>}
                        {picture.credit || picture.byline ? <span className="block text-slate-600">{[picture.byline, picture.credit].filter(Boolean).join(" / ")}</span> : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
          {detail.suggestions.length ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Suggested tags</h3>
              <ul className="mt-1 flex flex-wrap gap-1.5" data-testid="panel-suggestions">
                {detail.suggestions.map((tag) => (
                  <li key={`${tag.type}:${tag.name}`} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                    {tag.name} <span className="text-slate-500">({tag.type})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {detail.members.length > 1 ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">In this cluster ({detail.members.length})</h3>
              <ul className="mt-1 divide-y divide-slate-100 rounded border border-slate-200 text-sm" data-testid="panel-members">
                {detail.members.map((member) => (
                  <li key={member.id}>
                    <button
                      type="button"
                      onClick={() => props.onOpenMember(member.id)}
                      aria-current={member.id === detail.id ? "true" : undefined}
                      className="block w-full px-3 py-1.5 text-left hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-700 aria-[current=true]:bg-sky-50"
                    >
                      <span className="font-medium">{member.agency ?? "Agency unknown"}</span>
                      {member.version !== null ? <span className="text-slate-600"> · version {member.version}</span> : null}
                      {member.takeKind ? <span className="text-slate-600"> · {member.takeKind}</span> : null}
                      <span className="text-slate-600"> · {time(member.receivedAt)}</span>
                      <span className="block break-words text-slate-800">{member.headline ?? member.slugline ?? "Untitled"}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">The copy as sent</h3>
            {/* Scrolls, so it takes focus: keyboard users can scroll it too. */}
            <div tabIndex={0} role="region" aria-label="The copy as sent" className="mt-1 max-h-96 overflow-auto rounded border border-slate-200 bg-slate-50 p-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500">
              <pre className="whitespace-pre-wrap break-words font-mono text-xs leading-relaxed" data-testid="panel-raw">{controlPictures(detail.raw)}</pre>
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}

function UpdateDiff({ update, time }: { update: NonNullable<WireItemDetail["update"]>; time: (iso: string) => string }) {
  return (
    <div className={`rounded border-2 p-3 ${update.pending ? "border-amber-400 bg-amber-50" : "border-slate-200 bg-white"}`} data-testid="panel-update">
      <p className="mb-2 text-sm font-medium text-slate-900">
        {update.pending ? "A later version of the copy in " : "Changed since the copy in "}
        <Link href={`/admin/stories/${update.storyId}`} className="underline">“{update.storyHeadline}”</Link> (made from the version received {time(update.baseReceivedAt)}).
      </p>
      <RevisionDiff fields={[{ field: "body", label: "Copy", layout: "block", parts: update.diff }]} />
      {update.pending ? (
        <p className="mt-3 text-sm">
          <Link href={`/admin/stories/${update.storyId}`} className="font-medium underline">Apply it or keep the story as it is, in the story’s editor</Link>
        </p>
      ) : null}
    </div>
  );
}
