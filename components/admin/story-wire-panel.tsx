import { can, type Actor } from "@/lib/auth/permissions";
import type { StoryJson } from "@/lib/stories/story-shape";
import type { StoryWireCopy } from "@/lib/wire-ingest/story-wire-copy";
import { formatDateline } from "@/lib/stories/format-dateline";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { resolveWireUpdateAction } from "@/app/(admin)/admin/wire/actions";
import { WireParsePreview } from "@/components/admin/wire-parse-preview";
import { SuggestedTagsForm } from "@/components/admin/suggested-tags-form";
import { describeWireSender } from "@/lib/wire-ingest/wire-sender";
import { ConfirmButton } from "@/components/admin/confirm-dialog";
import { capitalised, describeTake, metadataLine } from "@/lib/wire/describe-parse";

// An envelope's control bytes shown as their symbols (SOH as ␁, STX as ␂): a browser draws them as empty boxes.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
const controlPictures = (raw: string) => raw.replace(CONTROL, (char) => String.fromCharCode(char === "\x7f" ? 0x2421 : 0x2400 + char.charCodeAt(0)));

const stateWords: Record<string, string> = { applied: "in the story", pending: "waiting for an editor", superseded: "set aside", withdrawn: "withdrew the story" };
/** What an item waiting for an editor would do to the story, in a sentence. */
function pendingWords(item: StoryWireCopy["items"][number]): string {
  const take = item.parsed.take;
  if (take) return `${capitalised(describeTake(take))}${take.kind === "add" ? " of this story" : ""} arrived`;
  return `A newer version${item.version !== null ? ` (version ${item.version})` : ""} arrived`;
}

/**
 * Beside a story made from agency copy: pending agency updates, tag suggestions, the original copy
 * and every version received. Each names who sent it, by which path: an editor must never take a
 * newsroom user's text for the agency's.
 */
export function StoryWirePanel({ actor, story, wire }: { actor: Actor; story: StoryJson; wire: StoryWireCopy }) {
  const pending = wire.items.filter((item) => item.state === "pending");
  const has = new Set(story.tags.map((tag) => `${tag.type}:${tag.name.toLowerCase()}`));
  const suggestions = wire.suggestions.filter((tag) => !has.has(`${tag.type}:${tag.name.toLowerCase()}`));
  const original = wire.items.find((item) => item.state === "applied") ?? wire.items[wire.items.length - 1];
  return (
    <section className="mb-6 space-y-4" aria-label="Agency copy">
      {pending.map((item) => (
        <div key={item.id} className="rounded border-2 border-amber-400 bg-amber-50 p-4" data-testid="pending-update">
          <p className="font-medium text-amber-950">
            {pendingWords(item)} on {formatNewsroomTime(item.receivedAt)}, sent by <span data-testid="wire-sender">{describeWireSender(item.sender)}</span>.{" "}
            {item.parsed.take?.kind === "add" ? "Applied, its paragraphs go on the end of the story." : ""} The live story is unchanged until you apply it.
          </p>
          <details className="mt-2">
            <summary className="cursor-pointer text-sm underline">See the new version</summary>
            <div className="mt-2 rounded bg-white p-3">
              <WireParsePreview parse={item.parsed} dateline={formatDateline({ location: item.parsed.location, date: item.parsed.date }, item.parsed.agency)} />
            </div>
          </details>
          {can(actor, "story.edit.live") ? (
            <form action={resolveWireUpdateAction} className="mt-3 flex gap-2">
              <input type="hidden" name="storyId" value={story.id} />
              <input type="hidden" name="wireItemId" value={item.id} />
              <input type="hidden" name="storyVersion" value={story.version} />
              <ConfirmButton
                name="apply"
                value="1"
                className="rounded bg-amber-700 px-3 py-1 text-sm font-medium text-white hover:bg-amber-800"
                confirm={{
                  title: `Apply the agency's update to “${story.headline}”?`,
                  body: `The story takes ${item.parsed.take ? describeTake(item.parsed.take) : item.version !== null ? `version ${item.version}` : "the newer version"} sent by ${describeWireSender(item.sender)}; if it is live, readers see it at once. The story as it is now stays in its revisions.`,
                  confirmLabel: "Apply the update",
                  tone: "caution",
                }}
              >
                Apply to the live story
              </ConfirmButton>
              <button type="submit" name="apply" value="0" className="rounded border border-amber-400 bg-white px-3 py-1 text-sm">Keep the live copy</button>
            </form>
          ) : null}
        </div>
      ))}
      {suggestions.length && story.status !== "killed" ? (
        <div className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-sm font-medium text-slate-800">Suggested tags from the agency copy</h2>
          <SuggestedTagsForm id={story.id} version={story.version} suggestions={suggestions} />
        </div>
      ) : null}
      <details className="rounded border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          Original agency copy{original.guid ? ` · ${original.guid} v${original.version ?? "?"}` : ""} · received {formatNewsroomTime(original.receivedAt)} from{" "}
          <span data-testid="wire-sender">{describeWireSender(original.sender)}</span>
        </summary>
        {metadataLine(original.parsed) ? <p className="mt-3 text-sm text-slate-700 [overflow-wrap:anywhere]" data-testid="wire-metadata">{metadataLine(original.parsed)}</p> : null}
        {original.parsed.problems?.length ? (
          <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="wire-problems">
            <p className="font-medium">Read as well as it could be; check the copy against the original:</p>
            <ul className="mt-1 list-disc pl-5">
              {original.parsed.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {/* Shown as text: wire copy never reaches a page as markup. */}
        <pre className="mt-3 max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-mono text-xs text-slate-800" data-testid="original-copy">{controlPictures(original.raw)}</pre>
      </details>
      {wire.owner || wire.items.length > 1 ? (
        <details className="rounded border border-slate-200 bg-white p-4" data-testid="wire-versions">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Versions received ({wire.items.length})</summary>
          {wire.owner ? <p className="mt-2 text-sm text-slate-700">Versions of this agency item are accepted only from {describeWireSender(wire.owner)}; anyone else&apos;s are refused.</p> : null}
          <ol className="mt-2 space-y-1 text-sm text-slate-700">
            {wire.items.map((item) => (
              <li key={item.id}>
                {item.parsed.take ? capitalised(describeTake(item.parsed.take)) : item.version !== null ? `Version ${item.version}` : "Copy"}, received {formatNewsroomTime(item.receivedAt)} from <span data-testid="wire-sender">{describeWireSender(item.sender)}</span>: {stateWords[item.state] ?? item.state}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
