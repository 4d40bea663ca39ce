import { apiRoute } from "@/lib/http/api-route";
import { EVENT_STREAM_HEADERS, openStoryEventStream } from "@/lib/events/open-story-event-stream";

// GET /api/v1/events[?story=ID]: server-sent events of story and presence changes, for newsroom
// pages (components/admin/use-story-events.ts) and API clients alike.
export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, actor) => {
  const storyId = request.nextUrl.searchParams.get("story") || null;
  return new Response(openStoryEventStream({ actor, signal: request.signal, storyId }), { headers: EVENT_STREAM_HEADERS });
});
