import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listWireQueue } from "@/lib/wire-desk/list-wire-queue";
import { queueQueryOf } from "@/lib/wire-desk/schemas";

// GET /api/v1/wire/items?state=&agency=&priority=&category=&source=&desk=&q=&cursor=&limit=: the wire desk's queue, newest first.
export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, actor) => NextResponse.json(await listWireQueue({ actor, query: queueQueryOf(request.nextUrl.searchParams) })));
