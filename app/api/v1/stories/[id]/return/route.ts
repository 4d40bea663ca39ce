import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { returnStory } from "@/lib/stories/review-stories";

/** POST /api/v1/stories/{id}/return with { note }: the desk sends the story back to its writer (in review → draft). */
export const POST = apiRoute<{ id: string }>(async (request, actor, { id }) => NextResponse.json(await returnStory({ actor, id, input: await readJsonObject(request) })));
