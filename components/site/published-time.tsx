const formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: process.env.NEWSROOM_TIME_ZONE ?? "UTC" });

/** A machine-readable <time> with the date as readers of the newsroom's time zone expect it. */
export function PublishedTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {formatter.format(new Date(iso))}
    </time>
  );
}
