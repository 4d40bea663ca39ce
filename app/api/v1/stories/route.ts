import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { listStories } from "@/lib/stories/list-stories";
import { createStory } from "@/lib/stories/create-story";

export const GET = apiRoute(async (request, actor) => {
  // `?status=&tag=` (empty values) mean "no filter", as in the contract's own example.
  const query = Object.fromEntries([...request.nextUrl.searchParams].filter(([, value]) => value !== ""));
  return NextResponse.json(await listStories({ actor, query }));
});

export const POST = apiRoute(async (request, actor) => {
  const story = await createStory({ actor, input: await readJsonObject(request) });
  return NextResponse.json(story, { status: 201, headers: { Location: `/api/v1/stories/${story.id}` } });
});
