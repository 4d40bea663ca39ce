// What the newsroom's pages are told as it happens, shared by the server (lib/events/event-hub.ts,
// app/api/v1/events/route.ts) and the browser (components/admin/use-story-events.ts). The database
// announces it (triggers on "Story" and "StoryPresence", migration 20261202020000_story_events),
// so every way of changing a story is heard, whichever process made the change.

export const STORY_CHANNEL = "dateline_stories";
export const PRESENCE_CHANNEL = "dateline_presence";
/** Wire items arriving and changing on the desk (trigger of migration 20261204010000_wire_desk). */
export const WIRE_CHANNEL = "dateline_wire";

/** A story was created, changed or deleted: a page that shows it fetches what it needs itself. */
export type StoryChange = { type: "story"; id: string; version: number; status: string; updatedAt: string; op: "insert" | "update" | "delete" };
/** Someone opened a story (present) or left it. */
export type PresenceChange = { type: "presence"; storyId: string; user: { id: string; name: string; role: string } | null; present: boolean };
/**
 * Changes may have gone unheard (the stream or the database connection was lost and is back):
 * a page refreshes what it shows.
 */
export type Resync = { type: "resync" };

/** A wire item arrived, or changed where it stands on the desk (taken, dismissed, stacked). */
export type WireChange = { type: "wire"; id: string; clusterId: string; op: "insert" | "update" };

export type StoryEvent = StoryChange | PresenceChange | WireChange | Resync;

/** A notification's payload as an event, or null for one that is not ours to pass on. */
export function parseNotification(channel: string, payload: string | undefined): StoryChange | PresenceChange | WireChange | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(payload ?? "") as Record<string, unknown>;
  } catch {
    return null;
  }
  if (channel === STORY_CHANNEL && typeof value.id === "string") {
    return { type: "story", id: value.id, version: Number(value.version), status: String(value.status), updatedAt: String(value.updatedAt), op: value.op as StoryChange["op"] };
  }
  if (channel === PRESENCE_CHANNEL && typeof value.storyId === "string") {
    return { type: "presence", storyId: value.storyId, user: (value.user as PresenceChange["user"]) ?? null, present: value.present === true };
  }
  if (channel === WIRE_CHANNEL && typeof value.id === "string" && typeof value.clusterId === "string") {
    return { type: "wire", id: value.id, clusterId: value.clusterId, op: value.op === "update" ? "update" : "insert" };
  }
  return null;
}

/** The story an event is about (none for a resync). */
export const eventStoryId = (event: StoryEvent): string | null => (event.type === "story" ? event.id : event.type === "presence" ? event.storyId : null);
