import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { getStory } from "@/lib/stories/get-story";
import { patchStory } from "@/lib/stories/patch-story";

export const GET = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await getStory({ actor, id })));

export const PATCH = apiRoute<{ id: string }>(async (request, actor, { id }) =>
  NextResponse.json(await patchStory({ actor, id, input: await readJsonObject(request) })),
);
