import type { Picture } from "@/components/media/picture-renditions";

export type PictureChange = Partial<Pick<Picture, "caption" | "credit" | "byline" | "copyright" | "alt" | "focalPoint">>;
export type SaveAnswer = { ok: true; picture: Picture } | { ok: false; message: string; fields: Record<string, string[]> };

/**
 * Saves a change to a picture (PATCH /api/v1/media/{id}; the server checks who may), answering
 * the picture as it now is, or why not, with the refused fields by the form's names (`focalPoint.x`
 * is the focal point's).
 */
export async function savePicture(id: string, change: PictureChange): Promise<SaveAnswer> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/media/${encodeURIComponent(id)}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(change) });
  } catch {
    return { ok: false, message: "the newsroom could not be reached. Your changes are kept here: save again in a moment.", fields: {} };
  }
  const body = (await response.json().catch(() => null)) as (Picture & { error?: { message?: string; fields?: Record<string, string[]> } }) | null;
  if (response.ok && body) return { ok: true, picture: body };
  const fields: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(body?.error?.fields ?? {})) (fields[path.split(".")[0]] ??= []).push(...messages);
  return { ok: false, message: body?.error?.message ?? `the server answered ${response.status}. Your changes are kept here: save again in a moment.`, fields };
}
