import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listTags } from "@/lib/tags/list-tags";

export const GET = apiRoute(async (request, actor) => {
  const query = Object.fromEntries([...request.nextUrl.searchParams].filter(([, value]) => value !== ""));
  return NextResponse.json(await listTags({ actor, query }));
});
