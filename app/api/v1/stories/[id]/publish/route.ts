import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { publishStory } from "@/lib/stories/publish-story";

export const POST = apiRoute<{ id: string }>(async (request, actor, { id }) =>
  NextResponse.json(await publishStory({ actor, id, input: await readJsonObject(request) })),
);
