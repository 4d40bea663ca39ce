import { fileSize, type Picture } from "@/components/media/picture-renditions";

export type UploadAnswer = { ok: true; picture: Picture } | { ok: false; message: string };

/**
 * Sends one file to the media library (POST /api/v1/media, the file itself as the body) and
 * answers the picture, or the reason it was refused in the server's words, which name the file.
 * What the file is, the server reads from its bytes; a file the browser already knows is no picture
 * (a PDF, a text file named .txt) or that is over the size limit is refused here without sending it.
 */
export async function uploadPicture(file: File, limits: { maxMb: number }): Promise<UploadAnswer> {
  if (file.type && !file.type.startsWith("image/")) {
    return { ok: false, message: `${file.name} is not a picture: send a JPEG, PNG, WebP or AVIF file.` };
  }
  if (file.size > limits.maxMb * 1024 * 1024) {
    return { ok: false, message: `${file.name} is ${fileSize(file.size)}; a picture may be at most ${limits.maxMb} MB.` };
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1/media?${new URLSearchParams({ filename: file.name })}`, {
      method: "POST",
      // A file whose type the browser could not tell (no extension) is still sent as a picture: the server decides.
      headers: { "content-type": file.type || "image/*" },
      body: file,
    });
  } catch {
    return { ok: false, message: `${file.name} was not sent: the newsroom could not be reached. Try again.` };
  }
  const body = (await response.json().catch(() => null)) as (Picture & { error?: { message?: string } }) | null;
  if (response.ok && body) return { ok: true, picture: body };
  if (body?.error?.message) return { ok: false, message: body.error.message };
  if (response.status === 413) return { ok: false, message: `${file.name} is too large for the server to take.` };
  return { ok: false, message: `${file.name} was not added: the server answered ${response.status}. Try again.` };
}
