import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listRevisions } from "@/lib/stories/list-revisions";

export const GET = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await listRevisions({ actor, id })));
