import { apiRoute } from "@/lib/http/api-route";
import { EVENT_STREAM_HEADERS, openStoryEventStream } from "@/lib/events/open-story-event-stream";

// GET /api/v1/wire/items/stream: server-sent events for the wire desk, an `item` event with the
// queue row of each item that arrives or changes (taken, dismissed, stacked), and `resync`.
export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, actor) => new Response(openStoryEventStream({ actor, signal: request.signal, wire: true }), { headers: EVENT_STREAM_HEADERS }));
