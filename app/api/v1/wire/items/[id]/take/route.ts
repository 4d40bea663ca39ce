import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { takeWireItem } from "@/lib/wire-desk/take-wire-item";

// POST /api/v1/wire/items/{id}/take: 201 with the new draft; 409 naming who took the item first.
export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => {
  const story = await takeWireItem({ actor, itemId: id });
  return NextResponse.json(story, { status: 201, headers: { Location: `/api/v1/stories/${story.id}` } });
});
