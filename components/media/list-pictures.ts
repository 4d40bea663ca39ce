import type { Picture } from "@/components/media/picture-renditions";

export type PicturePage = { items: Picture[]; nextCursor: string | null };

/** A page of the library, newest first, found by words of the caption, credit or file name (GET /api/v1/media). */
export async function listPictures(query: { q?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal): Promise<PicturePage> {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set("q", query.q.trim());
  if (query.cursor) params.set("cursor", query.cursor);
  params.set("limit", String(query.limit ?? 24));
  const response = await fetch(`/api/v1/media?${params}`, { signal, headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as (PicturePage & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `The library answered ${response.status}.`);
  return body;
}

/** One picture as the library holds it now (GET /api/v1/media/{id}). */
export async function getPicture(id: string, signal?: AbortSignal): Promise<Picture> {
  const response = await fetch(`/api/v1/media/${encodeURIComponent(id)}`, { signal, headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as (Picture & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `The library answered ${response.status}.`);
  return body;
}
