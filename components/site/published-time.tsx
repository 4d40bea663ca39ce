import { formatNewsroomTime } from "@/lib/site/newsroom-time";

/** A machine-readable <time> with the date as readers of the newsroom's time zone expect it. */
export function PublishedTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {formatNewsroomTime(iso)}
    </time>
  );
}
