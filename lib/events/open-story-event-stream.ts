import "server-only";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { subscribeToStoryEvents } from "@/lib/events/event-hub";
import { eventStoryId, type StoryEvent } from "@/lib/events/story-events";
import { loadQueueRowSoon } from "@/lib/wire-desk/load-queue-rows-soon";

/** A comment line every 15 s: proxies and the front's upstream (30 s body timeout) see a live stream. */
const HEARTBEAT_MS = 15_000;
/** How soon a browser's EventSource tries again after the stream ends. */
const RETRY_MS = 2_000;

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // Never kept by anyone, never compressed (gzip would hold events back until a buffer fills).
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
};

/**
 * Streams held open at once, per user and per server process. Each holds one of the front's
 * connections to Next; a browser shares one stream between its tabs, so a user needs one or two.
 * Past either, a new stream is refused with 429 (the user's) or 503 (the process's) and Retry-After (the browser's EventSource and
 * components/admin/use-story-events.ts try again later), so streams never starve pages and the API.
 */
export const STREAMS_PER_USER = 6;
export const STREAMS_PER_PROCESS = 48;
const streamsByUser = new Map<string, number>();
let openInProcess = 0;

const frame = (event: StoryEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * Server-sent events for a newsroom page: each story and presence change as it happens (all of
 * them, or one story's), a heartbeat, and "resync" when changes may have gone unheard. Ends when
 * the client goes away (`signal`). `wire`: the wire desk's stream instead, an `item` event with
 * the queue row of each wire item that arrives or changes.
 */
export function openStoryEventStream(options: { actor: Actor; signal: AbortSignal; storyId?: string | null; wire?: boolean }): ReadableStream<Uint8Array> {
  requirePermission(options.actor, options.wire ? "wire.read" : "story.read");
  const { storyId, signal } = options;
  if (storyId && !isUuid(storyId)) throw new AppError("validation_failed", "Some fields are not valid", { story: ["Must be a story id"] });
  const held = streamsByUser.get(options.actor.id) ?? 0;
  if (held >= STREAMS_PER_USER) {
    // The caller's own limit, not the server's state: 429, not 503 (the server is well).
    throw new AppError("too_many_requests", `You have ${held} event streams open already, the most one user may; close one (a tab, a client) and try again`, undefined, { retryAfterSeconds: 30 });
  }
  if (openInProcess >= STREAMS_PER_PROCESS) throw new AppError("unavailable", "Too many event streams are open now; try again shortly", undefined, { retryAfterSeconds: 10 });
  streamsByUser.set(options.actor.id, held + 1);
  openInProcess += 1;
  const release = () => {
    openInProcess -= 1;
    const left = (streamsByUser.get(options.actor.id) ?? 1) - 1;
    if (left > 0) streamsByUser.set(options.actor.id, left);
    else streamsByUser.delete(options.actor.id);
  };
  const encoder = new TextEncoder();
  let stop = () => {};
  let released = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      // Said once changes are being heard, so a client that waits for it misses none made after.
      const unsubscribe = subscribeToStoryEvents(
        (event) => {
          // The wire desk's stream: each item that arrived or changed, as the queue's row.
          if (options.wire) {
            if (event.type === "resync") write(frame(event));
            if (event.type === "wire") {
              void loadQueueRowSoon(event.id).then((row) => {
                if (row === "unreadable") write(frame({ type: "resync" }));
                else if (row) write(`event: item\ndata: ${JSON.stringify(row)}\n\n`);
              });
            }
            return;
          }
          if (event.type === "wire") return;
          const about = eventStoryId(event);
          if (!storyId || !about || about === storyId) write(frame(event));
        },
        () => write(": listening\n\n"),
      );
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
      stop = () => {
        if (!open) return;
        open = false;
        if (!released) {
          released = true;
          release();
        }
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // Already closed by the client's going.
        }
      };
      signal.addEventListener("abort", stop);
      // Sent at once, so the headers and this line reach the browser through every hop now.
      write(`retry: ${RETRY_MS}\n: connected\n\n`);
    },
    cancel() {
      stop();
    },
  });
}
