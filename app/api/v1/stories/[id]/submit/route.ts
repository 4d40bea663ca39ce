import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { submitStory } from "@/lib/stories/submit-story";

export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await submitStory({ actor, id })));
