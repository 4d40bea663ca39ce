import "server-only";
import { isAppError } from "@/lib/errors";
import { cleanText } from "@/lib/text-input";
import type { Actor } from "@/lib/auth/permissions";
import { fetchWirePicture, isAddress, PictureFetchError, type BesideReader } from "@/lib/media/fetch-wire-picture";
import { uploadMedia } from "@/lib/media/upload-media";
import type { WirePicture } from "@/lib/wire/wire-pictures";

/** Pictures fetched at once for one delivery: an agency's server is not sent a hundred requests together. */
const AT_ONCE = 4;

export type ImportedPictures = { mediaIds: string[]; problems: string[] };

/** The file's name from its address ("…/floods-01.jpg?w=3000" → "floods-01.jpg"). */
function fileName(href: string): string {
  const last = href.split(/[?#]/)[0].split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(last) || "wire-picture";
  } catch {
    return last || "wire-picture";
  }
}

/**
 * Wire pictures into the media library, with the agency's caption, credit, by-line and copyright
 * (over what the file itself says): fetched (lib/media/fetch-wire-picture.ts), checked and
 * rendered as an upload is. A picture already held (the same bytes: agencies resend it with every
 * version) is the one used again. One that cannot be fetched or is no picture is left out and said
 * in `problems`: the story comes in without it. `cache` shares fetches across a delivery's items.
 */
export async function importWirePictures(options: {
  actor: Actor;
  pictures: WirePicture[];
  readBeside?: BesideReader | null;
  cache?: Map<string, Promise<string>>;
}): Promise<ImportedPictures> {
  const cache = options.cache ?? new Map<string, Promise<string>>();
  const importOne = (picture: WirePicture) => {
    // An address is the same picture for every item of the delivery; a path only beside its own item.
    const key = isAddress(picture.href) ? picture.href : null;
    let pending = key ? cache.get(key) : undefined;
    if (!pending) {
      pending = (async () => {
        const { bytes } = await fetchWirePicture(picture.href, { readBeside: options.readBeside });
        const { caption, credit, byline, copyright, alt } = picture;
        // The bytes are judged by what they are (lib/media/sniff-image.ts), not by what a server called them.
        const media = await uploadMedia({ actor: options.actor, bytes, filename: fileName(picture.href), contentType: "image/*", described: { caption, credit, byline, copyright, alt }, reuse: true });
        return media.id;
      })();
      if (key) cache.set(key, pending);
    }
    return pending;
  };

  const outcomes: ({ id: string } | { problem: string })[] = [];
  for (let start = 0; start < options.pictures.length; start += AT_ONCE) {
    const batch = options.pictures.slice(start, start + AT_ONCE);
    const settled = await Promise.allSettled(batch.map(importOne));
    settled.forEach((outcome, i) => {
      const picture = batch[i];
      if (outcome.status === "fulfilled") return outcomes.push({ id: outcome.value });
      const error = outcome.reason;
      if (!(error instanceof PictureFetchError) && !isAppError(error)) throw error;
      // Stored with the parse (jsonb): whatever a server's answer put in the reason is cleaned out.
      outcomes.push({ problem: cleanText(`picture ${start + i + 1} (${picture.href.slice(0, 200)}) was not taken: ${error.message}`) });
    });
  }
  const mediaIds = [...new Set(outcomes.flatMap((each) => ("id" in each ? [each.id] : [])))];
  return { mediaIds, problems: outcomes.flatMap((each) => ("problem" in each ? [each.problem] : [])) };
}
