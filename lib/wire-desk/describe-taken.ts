import { formatNewsroomTime } from "@/lib/site/newsroom-time";

/** "Priya Shah took this item at 2 Dec 2026, 14:05 into the story “Jaishankar meets Lavrov”", for the editor who came second. */
export function describeTaken(item: { takenBy: { name: string } | null; takenAt: Date | null; story: { headline: string } | null }): string {
  const who = item.takenBy?.name ?? "Someone";
  const when = item.takenAt ? ` at ${formatNewsroomTime(item.takenAt)}` : "";
  const into = item.story ? ` into the story “${item.story.headline}”` : " into a story";
  return `${who} took this item${when}${into}`;
}
