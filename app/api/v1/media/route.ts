import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listMedia } from "@/lib/media/list-media";
import { uploadMedia } from "@/lib/media/upload-media";

export const GET = apiRoute(async (request, actor) => {
  const query = Object.fromEntries([...request.nextUrl.searchParams].filter(([, value]) => value !== ""));
  return NextResponse.json(await listMedia({ actor, query }));
});

/** The picture itself is the body (Content-Type image/…), its name in `?filename=`. */
export const POST = apiRoute(async (request, actor) => {
  const bytes = Buffer.from(await request.arrayBuffer());
  const media = await uploadMedia({ actor, bytes, filename: request.nextUrl.searchParams.get("filename"), contentType: request.headers.get("content-type") });
  return NextResponse.json(media, { status: 201, headers: { location: `/api/v1/media/${media.id}` } });
});
