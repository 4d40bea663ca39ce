import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { unpublishStory } from "@/lib/stories/unpublish-story";

export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await unpublishStory({ actor, id })));
