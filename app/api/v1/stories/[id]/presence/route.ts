import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { leavePresence, touchPresence } from "@/lib/stories/presence";

// The editor's presence: it POSTs every 15 s while a story is open, and DELETEs when the page goes.

export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => {
  return NextResponse.json(await touchPresence({ actor, storyId: id }), { headers: { "Cache-Control": "no-store" } });
});

export const DELETE = apiRoute<{ id: string }>(async (_request, actor, { id }) => {
  await leavePresence({ actor, storyId: id });
  return new Response(null, { status: 204 });
});
