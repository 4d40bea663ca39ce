import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getMedia } from "@/lib/media/get-media";
import { formatNewsroomTime, newsroomTimeZone } from "@/lib/site/newsroom-time";
import { fileSize } from "@/components/media/picture-renditions";
import { MediaPictureEditor } from "@/components/media/media-picture-editor";

export const metadata = { title: "Picture" };

export default async function MediaPicturePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminActor();
  const { id } = await params;
  const picture = await getMedia({ actor, id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/media" className="underline">← Media library</Link></p>
      <h1 className="break-all font-serif text-2xl font-bold">{picture.filename}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        {picture.width} × {picture.height} pixels, {picture.format.toUpperCase()}, {fileSize(picture.bytes)}. Uploaded {formatNewsroomTime(picture.createdAt)}
        {picture.uploadedBy ? ` by ${picture.uploadedBy}` : ""}.
      </p>
      <MediaPictureEditor picture={picture} canEdit={can(actor, "media.edit")} timeZone={newsroomTimeZone()} />
    </>
  );
}
