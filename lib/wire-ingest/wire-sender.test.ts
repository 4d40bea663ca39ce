import { describe, expect, it } from "vitest";
import { describeWireSender } from "@/lib/wire-ingest/wire-sender";

const user = { id: "u1", name: "Reuters feed", email: "feed@reuters.example", role: "editor" };

describe("describeWireSender", () => {
  it("names the user, the path and, through the API, the key's prefix", () => {
    expect(describeWireSender({ user, channel: "api", apiKeyPrefix: "dl_AbCdEfG" })).toBe("Reuters feed (editor) through API key dl_AbCdEfG…");
    expect(describeWireSender({ user: { ...user, name: "Priya", role: "writer" }, channel: "newsroom", apiKeyPrefix: null })).toBe("Priya (writer) through the newsroom (New from wire)");
    expect(describeWireSender({ user: { ...user, name: "Wire desk" }, channel: "cli", apiKeyPrefix: null })).toBe("Wire desk through the command line (wire ingest)");
  });

  it("says what is not known about copy received before senders were recorded", () => {
    expect(describeWireSender({ user, channel: null, apiKeyPrefix: null })).toBe("Reuters feed (editor), by a path not recorded");
    expect(describeWireSender({ user: null, channel: null, apiKeyPrefix: null })).toBe("a sender not recorded (received before senders were kept)");
  });
});
