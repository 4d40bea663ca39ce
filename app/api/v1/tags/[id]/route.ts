import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { renameTag } from "@/lib/tags/rename-tag";

export const PATCH = apiRoute<{ id: string }>(async (request, actor, { id }) =>
  NextResponse.json(await renameTag({ actor, id, input: await readJsonObject(request) })),
);
