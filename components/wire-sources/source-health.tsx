import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import type { WireSourceJson } from "@/lib/wire-sources/source-json";
import { intervalWords, relativeTime } from "@/components/wire-sources/relative-time";

// Rendered on the server, in the newsroom's time zone: "5 minutes ago (27 Dec 2023, 14:30 IST)".

function When({ at, now }: { at: string; now: Date }) {
  return (
    <time dateTime={at}>
      {relativeTime(at, now)} <span className="text-slate-500">({formatNewsroomTime(at)})</span>
    </time>
  );
}

/** Healthy, failing or not polled yet: the badge the eye looks for first. */
function HealthBadge({ source }: { source: WireSourceJson }) {
  const { health } = source;
  const [label, style] = health.failing
    ? [`Failing${health.failures > 1 ? ` (${health.failures} polls in a row)` : ""}`, "bg-red-100 text-red-900"]
    : health.lastSuccessAt
      ? ["Healthy", "bg-emerald-100 text-emerald-900"]
      : ["Not polled yet", "bg-slate-100 text-slate-700"];
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium uppercase tracking-wide ${style}`} data-testid="health-badge">{label}</span>;
}

export function SourceHealth({ source, now }: { source: WireSourceJson; now: Date }) {
  const { health } = source;
  return (
    <div className="space-y-1" data-testid="source-health">
      <HealthBadge source={source} />
      <p>
        <span className="text-slate-600">Last success:</span> {health.lastSuccessAt ? <When at={health.lastSuccessAt} now={now} /> : "never"}
      </p>
      {health.lastError && health.lastErrorAt ? (
        // The error stands out while the source is failing; once it polls again it is history.
        <p className={health.failing ? "text-red-700" : "text-slate-500"} data-testid="last-error">
          <span className={health.failing ? "font-medium" : ""}>{health.failing ? "Error:" : "Last error (since recovered):"}</span> {health.lastError}{" "}
          <span className="whitespace-nowrap">— <When at={health.lastErrorAt} now={now} /></span>
        </p>
      ) : null}
      <p data-testid="item-counts">
        <span className="text-slate-600">Items:</span> {health.itemsLastHour} in the last hour, {health.itemsLastDay} in the last day
      </p>
    </div>
  );
}

/** How often and when next: "every minute · next in 40 seconds (…)", or that it is not polled. */
export function SourcePolling({ source, now }: { source: WireSourceJson; now: Date }) {
  if (!source.enabled) return <p><span className="inline-block rounded bg-slate-200 px-2 py-0.5 text-xs font-medium uppercase tracking-wide text-slate-700">Disabled</span> <span className="text-slate-600">not polled</span></p>;
  const next = source.health.nextPollAt;
  return (
    <div className="space-y-1">
      <p>{intervalWords(source.intervalSeconds)[0].toUpperCase() + intervalWords(source.intervalSeconds).slice(1)}</p>
      <p data-testid="next-poll">
        <span className="text-slate-600">Next poll:</span> {next ? (new Date(next) <= now ? "due now" : <When at={next} now={now} />) : "being scheduled"}
      </p>
    </div>
  );
}
