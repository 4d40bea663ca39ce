import { describe, expect, it } from "vitest";
import { wireSourceSchema } from "@/lib/wire-sources/source-settings";
import { emptyRule, errorsUnder, ruleDraftOf, ruleInputOf, sourceInputOf, type SourceFormFields } from "@/components/wire-sources/source-input";
import { intervalWords, relativeTime } from "@/components/wire-sources/relative-time";

const fields = (change: Partial<SourceFormFields> = {}): SourceFormFields => ({
  name: "ANI wire", agency: "ANI", intervalSeconds: "60", enabled: true, path: "/srv/wire/ani", url: "", format: "rss",
  signIn: "none", username: "", password: "", bearerToken: "", afterTake: "move", allowSelfSignedCertificate: false, ...change,
});

describe("sourceInputOf", () => {
  it("gives a folder source the schema accepts, rules with only what was filled in", () => {
    const rule = { ...emptyRule(), agency: "ANI, , PTI", priority: ["flash" as const], tags: [{ name: "Russia", type: "place" as const }], desk: "World" };
    const input = sourceInputOf("folder", fields(), [rule]);
    expect(input).toEqual({
      kind: "folder", name: "ANI wire", agency: "ANI", intervalSeconds: 60, enabled: true, path: "/srv/wire/ani",
      rules: [{ when: { agency: ["ANI", "PTI"], priority: ["flash"] }, then: { addTags: [{ name: "Russia", type: "place" }], desk: "World" } }],
    });
    expect(wireSourceSchema.safeParse(input).success).toBe(true);
  });

  it("sends an interval that is not a number as typed, for the server to name", () => {
    expect(sourceInputOf("folder", fields({ intervalSeconds: "soon" }), []).intervalSeconds).toBe("soon");
    expect(sourceInputOf("folder", fields({ intervalSeconds: " " }), []).intervalSeconds).toBeUndefined();
  });

  it("sends HTTP credentials by the way of signing in chosen", () => {
    const http = (change: Partial<SourceFormFields>) => sourceInputOf("http", fields({ url: "https://feeds.example.com/a.xml", ...change }), []);
    expect(http({}).credentials).toBeUndefined();
    expect(http({ signIn: "login", username: "u", password: "p" }).credentials).toEqual({ username: "u", password: "p" });
    expect(http({ signIn: "token", bearerToken: "t", username: "stale" }).credentials).toEqual({ bearerToken: "t" });
  });

  it("on an edit, leaves out blank credentials (kept) and an address shown redacted and left alone", () => {
    const shownUrl = "https://feeds.example.com/a.xml?token=***";
    const kept = sourceInputOf("ftp", fields({ url: shownUrl, username: "", password: "" }), [], { credentialsSet: true, shownUrl });
    expect(kept).not.toHaveProperty("credentials");
    expect(kept).not.toHaveProperty("url");
    const replaced = sourceInputOf("ftp", fields({ url: "ftps://ftp.example.com/out", username: "u", password: "" }), [], { credentialsSet: true, shownUrl });
    expect(replaced).toMatchObject({ url: "ftps://ftp.example.com/out", credentials: { username: "u", password: "" } });
    // A new FTP source always sends its credentials: the server says which are missing.
    expect(sourceInputOf("ftp", fields({ url: "ftp://x" }), []).credentials).toEqual({ username: "", password: "" });
  });
});

describe("rules", () => {
  it("round-trips a stored rule through the form", () => {
    const rule = { when: { keyword: ["quake", "tremor"], category: ["World"] }, then: { setPriority: "urgent" as const, drop: true as const } };
    expect(ruleInputOf(ruleDraftOf(rule))).toEqual(rule);
  });
});

describe("errorsUnder", () => {
  it("gathers a field's messages and those of its parts, once each", () => {
    const errors = { "rules.0.when.agency.1": ["A agency to match cannot be empty"], "rules.0.when.agency.2": ["A agency to match cannot be empty"], "rules.10.then": ["x"] };
    expect(errorsUnder(errors, "rules.0.when.agency")).toEqual(["A agency to match cannot be empty"]);
    expect(errorsUnder({ "rules.0.then.addTags.0.name": ["A tag needs a name", "A tag's name needs at least one letter or digit"] }, "rules.0.then.addTags.0.name")).toEqual(["A tag needs a name"]);
    expect(errorsUnder(errors, "rules.1")).toBeUndefined();
  });
});

describe("relativeTime", () => {
  const now = new Date("2026-03-03T12:00:00Z");
  it("says how long ago or until, in the largest whole unit", () => {
    expect(relativeTime("2026-03-03T11:55:00Z", now)).toBe("5 minutes ago");
    expect(relativeTime("2026-03-03T12:00:02Z", now)).toBe("just now");
    expect(relativeTime("2026-03-03T14:30:00Z", now)).toBe("in 2 hours");
    expect(relativeTime("2026-03-02T11:00:00Z", now)).toBe("yesterday");
    expect(intervalWords(90)).toBe("every 90 seconds");
    expect(intervalWords(300)).toBe("every 5 minutes");
    expect(intervalWords(3600)).toBe("every hour");
  });
});
