import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { createPreviewLink } from "@/lib/stories/create-preview-link";

/** POST /api/v1/stories/{id}/preview: a link anyone can open for 48 hours to read the story as it will go live. */
export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await createPreviewLink({ actor, id }), { status: 201 }));
