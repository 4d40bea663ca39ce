"use client";

import { useEffect, useRef } from "react";
import { eventStoryId, type StoryEvent } from "@/lib/events/story-events";

export type { StoryEvent, StoryChange, PresenceChange } from "@/lib/events/story-events";

type Listener = (event: StoryEvent) => void;

const STREAM_URL = "/api/v1/events";
const LOCK = "dateline-story-events";
const listeners = new Set<Listener>();
let started = false;

const deliver = (event: StoryEvent) => {
  for (const listener of listeners) listener(event);
};

/**
 * Opens the stream and hands each event to `forward`. Dropped and reopened (the browser's
 * EventSource does that by itself), it says resync: what changed meanwhile went unheard.
 */
function openStream(forward: Listener, resyncOnOpen: boolean, attempt = 0) {
  const source = new EventSource(STREAM_URL);
  let dropped = resyncOnOpen;
  const onMessage = (message: MessageEvent<string>) => {
    try {
      forward(JSON.parse(message.data) as StoryEvent);
    } catch {
      // Not an event of ours.
    }
  };
  for (const type of ["story", "presence", "resync"]) source.addEventListener(type, onMessage as EventListener);
  source.onerror = () => {
    dropped = true;
    // The browser retries a dropped stream by itself, but not one answered with an error (a 401
    // after the session ended, a 5xx while the app restarts): open it again, waiting longer each time.
    if (source.readyState !== EventSource.CLOSED) return;
    source.close();
    window.setTimeout(() => openStream(forward, true, attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
  };
  source.onopen = () => {
    if (dropped) forward({ type: "resync" });
    dropped = false;
    attempt = 0;
  };
}

/**
 * One stream per browser, not per tab: a browser holds at most six HTTP/1.1 connections to a
 * site, and a stream per tab would leave a seventh newsroom tab unable to load anything. The tab
 * holding a Web Lock reads the stream and passes each event to the others on a BroadcastChannel;
 * when it closes, another takes the lock and the stream over (and says resync, as events between
 * the two went unheard). Without those APIs, each tab reads a stream of its own.
 */
function start() {
  if (started) return;
  started = true;
  if (typeof BroadcastChannel === "undefined" || !navigator.locks) return openStream(deliver, false);
  const channel = new BroadcastChannel(LOCK);
  channel.onmessage = (message: MessageEvent<StoryEvent>) => deliver(message.data);
  void navigator.locks.query().then((state) => {
    const takingOver = !!state.held?.some((lock) => lock.name === LOCK);
    void navigator.locks.request(LOCK, () => {
      openStream((event) => {
        deliver(event);
        channel.postMessage(event);
      }, takingOver);
      // Held for as long as the tab lives.
      return new Promise<never>(() => {});
    });
  });
}

/**
 * Calls `onEvent` as stories change and people open or leave them, pushed by the server
 * (GET /api/v1/events, fed by Postgres NOTIFY): `{ type: "story", id, version, status, updatedAt, op }`,
 * `{ type: "presence", storyId, user, present }`, and `{ type: "resync" }` when changes may have
 * been missed (the stream dropped and came back), after which a page refreshes what it shows.
 * Presence events come for arrivals and leaves; someone who drops out without leaving (a closed
 * laptop, unseen for 45 s) sends none, so the editor's 15 s check-in still answers who is there.
 * With `storyId`, only that story's events (and resyncs) arrive. The latest `onEvent` is always
 * the one called.
 */
export function useStoryEvents(onEvent: (event: StoryEvent) => void, options: { storyId?: string } = {}) {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  const { storyId } = options;

  useEffect(() => {
    const listener: Listener = (event) => {
      const about = eventStoryId(event);
      if (storyId && about && about !== storyId) return;
      latest.current(event);
    };
    listeners.add(listener);
    start();
    return () => {
      listeners.delete(listener);
    };
  }, [storyId]);
}
