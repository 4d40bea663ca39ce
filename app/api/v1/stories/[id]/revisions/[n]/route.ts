import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { getRevision } from "@/lib/stories/get-revision";

export const GET = apiRoute<{ id: string; n: string }>(async (_request, actor, { id, n }) =>
  NextResponse.json(await getRevision({ actor, id, revision: n })),
);
