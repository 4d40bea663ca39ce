import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { getMedia } from "@/lib/media/get-media";
import { updateMedia } from "@/lib/media/update-media";

export const GET = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await getMedia({ actor, id })));

export const PATCH = apiRoute<{ id: string }>(async (request, actor, { id }) =>
  NextResponse.json(await updateMedia({ actor, id, input: await readJsonObject(request) })),
);
