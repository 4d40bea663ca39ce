"use client";

import { useEffect, useRef } from "react";
import { eventStoryId, type StoryEvent } from "@/lib/events/story-events";

export type { StoryEvent, StoryChange, PresenceChange } from "@/lib/events/story-events";

/**
 * Calls `onEvent` as stories change and people open or leave them, pushed by the server
 * (GET /api/v1/events, fed by Postgres NOTIFY): `{ type: "story", id, version, status, updatedAt, op }`,
 * `{ type: "presence", storyId, user, present }`, and `{ type: "resync" }` when changes may have
 * been missed (the stream dropped and came back), after which a page refreshes what it shows.
 * Presence events come for arrivals and leaves; someone who drops out without leaving (a closed
 * laptop, unseen for 45 s) sends none, so the editor's 15 s check-in still answers who is there.
 * With `storyId`, only that story's events (and resyncs) arrive. The browser's EventSource
 * reconnects by itself; the latest `onEvent` is always the one called.
 */
export function useStoryEvents(onEvent: (event: StoryEvent) => void, options: { storyId?: string } = {}) {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  const { storyId } = options;

  useEffect(() => {
    const source = new EventSource(storyId ? `/api/v1/events?story=${encodeURIComponent(storyId)}` : "/api/v1/events");
    let dropped = false;
    const deliver = (message: MessageEvent<string>) => {
      let event: StoryEvent;
      try {
        event = JSON.parse(message.data) as StoryEvent;
      } catch {
        return;
      }
      const about = eventStoryId(event);
      if (storyId && about && about !== storyId) return;
      latest.current(event);
    };
    for (const type of ["story", "presence", "resync"]) source.addEventListener(type, deliver as EventListener);
    source.onerror = () => {
      dropped = true;
    };
    source.onopen = () => {
      if (!dropped) return;
      dropped = false;
      latest.current({ type: "resync" });
    };
    return () => source.close();
  }, [storyId]);
}
