import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { killStory } from "@/lib/stories/kill-story";

export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await killStory({ actor, id })));
