import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { createWireSource } from "@/lib/wire-sources/create-wire-source";
import { listWireSources } from "@/lib/wire-sources/list-wire-sources";

// GET /api/v1/wire/sources: every ingest source with its health; POST: add one (admins only).
export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, actor) => NextResponse.json({ sources: await listWireSources({ actor }) }));

export const POST = apiRoute(async (request, actor) => {
  const source = await createWireSource({ actor, input: await readJsonObject(request) });
  return NextResponse.json(source, { status: 201, headers: { Location: `/api/v1/wire/sources/${source.id}` } });
});
