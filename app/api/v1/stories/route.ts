import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { answerResponse, idempotentCreate } from "@/lib/http/idempotent-create";
import { listStories } from "@/lib/stories/list-stories";
import { createStory } from "@/lib/stories/create-story";
import type { StoryJson } from "@/lib/stories/story-shape";

export const GET = apiRoute(async (request, actor) => {
  // `?status=&tag=` (empty values) mean "no filter", as in the contract's own example.
  const query = Object.fromEntries([...request.nextUrl.searchParams].filter(([, value]) => value !== ""));
  return NextResponse.json(await listStories({ actor, query }));
});

const created = (story: StoryJson) => ({ status: 201, body: story, location: `/api/v1/stories/${story.id}` });

export const POST = apiRoute(
  idempotentCreate(async (request, actor, _params, idempotency) => {
    const story = await createStory({ actor, input: await readJsonObject(request), inTransaction: idempotency && ((tx, story) => idempotency.record(tx, created(story))) });
    return answerResponse(created(story));
  }),
);
