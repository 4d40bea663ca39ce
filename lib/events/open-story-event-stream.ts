import "server-only";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { subscribeToStoryEvents } from "@/lib/events/event-hub";
import { eventStoryId, type StoryEvent } from "@/lib/events/story-events";

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

const frame = (event: StoryEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * Server-sent events for a newsroom page: each story and presence change as it happens (all of
 * them, or one story's), a heartbeat, and "resync" when changes may have gone unheard. Ends when
 * the client goes away (`signal`).
 */
export function openStoryEventStream(options: { actor: Actor; signal: AbortSignal; storyId?: string | null }): ReadableStream<Uint8Array> {
  requirePermission(options.actor, "story.read");
  const { storyId, signal } = options;
  if (storyId && !isUuid(storyId)) throw new AppError("validation_failed", "Some fields are not valid", { story: ["Must be a story id"] });
  const encoder = new TextEncoder();
  let stop = () => {};
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
          const about = eventStoryId(event);
          if (!storyId || !about || about === storyId) write(frame(event));
        },
        () => write(": listening\n\n"),
      );
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
      stop = () => {
        if (!open) return;
        open = false;
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
