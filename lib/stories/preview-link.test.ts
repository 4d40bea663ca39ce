import { describe, expect, it } from "vitest";
import { PREVIEW_LIFETIME_MS, PREVIEW_PREFIX, previewPath, previewStoryId } from "@/lib/stories/preview-link";

const NOW = Date.parse("2026-12-01T00:00:00Z");
const id = "0b7f7c4e-6d1f-4c55-9a52-2f1f3c9d8e11";
const token = (path: string) => path.slice(PREVIEW_PREFIX.length);

describe("preview links", () => {
  it("name their story until they expire", () => {
    const { path, expiresAt } = previewPath("secret", id, NOW);
    expect(expiresAt.getTime()).toBe(NOW + PREVIEW_LIFETIME_MS);
    expect(previewStoryId("secret", token(path), NOW + PREVIEW_LIFETIME_MS - 1)).toBe(id);
    expect(previewStoryId("secret", token(path), NOW + PREVIEW_LIFETIME_MS)).toBeNull();
  });

  it("cannot be made up, altered, stretched or used with another secret", () => {
    const { path } = previewPath("secret", id, NOW);
    const [storyId, expires, signature] = token(path).split(".");
    expect(previewStoryId("other secret", token(path), NOW)).toBeNull();
    expect(previewStoryId("secret", `${storyId}.${Number(expires) + 1}.${signature}`, NOW)).toBeNull();
    expect(previewStoryId("secret", `${storyId.replace("0b", "0c")}.${expires}.${signature}`, NOW)).toBeNull();
    expect(previewStoryId("secret", `${storyId}.${expires}.${"A".repeat(43)}`, NOW)).toBeNull();
    expect(previewStoryId("secret", "garbage", NOW)).toBeNull();
  });
});
