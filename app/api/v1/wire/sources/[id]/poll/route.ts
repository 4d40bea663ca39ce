import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { pollSourceNow } from "@/lib/wire-sources/poll-source-now";

// POST /api/v1/wire/sources/{id}/poll: poll now (202: queued; the source's health shows the outcome).
export const POST = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await pollSourceNow({ actor, id }), { status: 202 }));
