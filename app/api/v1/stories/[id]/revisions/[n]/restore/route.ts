import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { restoreRevision } from "@/lib/stories/restore-revision";

export const POST = apiRoute<{ id: string; n: string }>(async (request, actor, { id, n }) =>
  NextResponse.json(await restoreRevision({ actor, id, revision: n, input: await readJsonObject(request) })),
);
