import { NextResponse } from "next/server";
import { apiRoute, readJsonObject } from "@/lib/http/api-route";
import { getWireSource } from "@/lib/wire-sources/list-wire-sources";
import { updateWireSource } from "@/lib/wire-sources/update-wire-source";
import { deleteWireSource } from "@/lib/wire-sources/delete-wire-source";

// GET/PATCH/DELETE /api/v1/wire/sources/{id} (admins only).
export const GET = apiRoute<{ id: string }>(async (_request, actor, { id }) => NextResponse.json(await getWireSource({ actor, id })));

export const PATCH = apiRoute<{ id: string }>(async (request, actor, { id }) => NextResponse.json(await updateWireSource({ actor, id, input: await readJsonObject(request) })));

export const DELETE = apiRoute<{ id: string }>(async (_request, actor, { id }) => {
  await deleteWireSource({ actor, id });
  return new Response(null, { status: 204 });
});
