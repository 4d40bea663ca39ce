import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { addCorrection } from "@/lib/corrections/add-correction";

export const POST = apiRoute<{ id: string }>(async (request, actor, { id }) =>
  NextResponse.json(await addCorrection({ actor, storyId: id, input: await readJsonObject(request) }), { status: 201 }),
);
