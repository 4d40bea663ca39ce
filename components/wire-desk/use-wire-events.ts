"use client";

import { useEffect, useRef } from "react";
import type { QueueRow } from "@/lib/wire-desk/queue-row";

/** What the desk's stream says: a queue row that arrived or changed, or that some went unheard. */
export type WireEvent = { type: "item"; row: QueueRow } | { type: "resync" } | { type: "status"; live: boolean };
type Listener = (event: WireEvent) => void;

const STREAM_URL = "/api/v1/wire/items/stream";
const LOCK = "dateline-wire-events";
const listeners = new Set<Listener>();
let started = false;
/** Whether the stream is open, in this tab's knowledge (a tab that only listens asks the one reading). */
let live = false;

const deliver = (event: WireEvent) => {
  if (event.type === "status") live = event.live;
  for (const listener of listeners) listener(event);
};

// The same handling as components/admin/use-story-events.ts (whose stream carries story events,
// not the desk's rows): reopened after an error answer, waiting longer each time, and a resync
// whenever it comes back, as what arrived meanwhile went unheard.
function openStream(forward: Listener, resyncOnOpen: boolean, attempt = 0) {
  const source = new EventSource(STREAM_URL);
  let dropped = resyncOnOpen;
  source.addEventListener("item", ((message: MessageEvent<string>) => {
    try {
      forward({ type: "item", row: JSON.parse(message.data) as QueueRow });
    } catch {
      // Not a row of ours.
    }
  }) as EventListener);
  source.addEventListener("resync", () => forward({ type: "resync" }));
  source.onerror = () => {
    dropped = true;
    forward({ type: "status", live: false });
    if (source.readyState !== EventSource.CLOSED) return;
    source.close();
    window.setTimeout(() => openStream(forward, true, attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
  };
  source.onopen = () => {
    forward({ type: "status", live: true });
    if (dropped) forward({ type: "resync" });
    dropped = false;
    attempt = 0;
  };
}

/**
 * One desk stream per browser, shared by its tabs through a Web Lock and a BroadcastChannel, as
 * the story stream is: a browser holds six connections to a site, and each desk tab holding its
 * own would starve the rest of the newsroom.
 */
function start() {
  if (started) return;
  started = true;
  if (typeof BroadcastChannel === "undefined" || !navigator.locks) return openStream(deliver, false);
  const channel = new BroadcastChannel(LOCK);
  let reading = false;
  channel.onmessage = (message: MessageEvent<WireEvent | { type: "status?" }>) => {
    if (message.data.type === "status?") {
      if (reading) channel.postMessage({ type: "status", live });
      return;
    }
    deliver(message.data);
  };
  channel.postMessage({ type: "status?" });
  void navigator.locks.query().then((state) => {
    const takingOver = !!state.held?.some((lock) => lock.name === LOCK);
    void navigator.locks.request(LOCK, () => {
      reading = true;
      openStream((event) => {
        deliver(event);
        channel.postMessage(event);
      }, takingOver);
      return new Promise<never>(() => {});
    });
  });
}

/**
 * Calls `onEvent` with each wire item that arrives on the desk or changes there (taken,
 * dismissed, seen, stacked under a newer version), as its queue row (GET
 * /api/v1/wire/items/stream, fed by Postgres NOTIFY), and with resync when rows may have been
 * missed. The latest `onEvent` is always the one called.
 */
export function useWireEvents(onEvent: (event: WireEvent) => void) {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    const listener: Listener = (event) => latest.current(event);
    listeners.add(listener);
    start();
    if (live) listener({ type: "status", live });
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
