import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { getStoryNinjs } from "@/lib/ninjs/get-story-ninjs";

// IPTC registers no media type for NINJS: it is served as plain JSON.
export const GET = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await getStoryNinjs({ actor, id })));
