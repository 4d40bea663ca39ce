import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { mergeTags } from "@/lib/tags/merge-tags";

export const POST = apiRoute<{ id: string }>(async (request, actor, { id }) =>
  NextResponse.json(await mergeTags({ actor, id, input: await readJsonObject(request) })),
);
