import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation";
import { wireSourceSchema, withoutCredentials } from "@/lib/wire-sources/source-settings";

const base = { name: "ANI national", agency: "ANI", intervalSeconds: 60 };
const errors = (input: unknown) => {
  const result = wireSourceSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe("wireSourceSchema", () => {
  it("accepts the three kinds, filling in the defaults", () => {
    const folder = wireSourceSchema.parse({ ...base, kind: "folder", path: "/srv/wire/ani", intervalSeconds: 1 });
    expect(folder).toMatchObject({ kind: "folder", afterTake: "move", enabled: true, rules: [] });
    const http = wireSourceSchema.parse({ ...base, kind: "http", url: "https://feeds.example.com/ani.xml", format: "rss", credentials: { bearerToken: "t0k" } });
    expect(http).toMatchObject({ kind: "http", format: "rss", credentials: { bearerToken: "t0k" } });
    const ftp = wireSourceSchema.parse({ ...base, kind: "ftp", url: "ftps://ftp.example.com:2121/out", afterTake: "keep", credentials: { username: "ani", password: " p:w " } });
    // A password is taken exactly as typed: spaces and colons are part of it.
    expect(ftp).toMatchObject({ allowSelfSignedCertificate: false, credentials: { password: " p:w " } });
    expect(withoutCredentials(ftp)).toEqual({ settings: expect.not.objectContaining({ credentials: expect.anything() }), credentials: { username: "ani", password: " p:w " } });
  });

  it("explains what is wrong, field by field", () => {
    expect(errors({ ...base, kind: "pigeon" })).toEqual({ kind: ["The kind of source is folder, http or ftp"] });
    expect(errors({ ...base, kind: "folder", path: "wire/in" }).path).toEqual(["Enter the folder's full path, starting with /"]);
    expect(errors({ ...base, kind: "folder", path: "/srv/../etc" }).path).toEqual(["The path may not go up with .."]);
    expect(errors({ ...base, kind: "http", url: "ftp://x.example/a", format: "rss" }).url).toEqual(["Enter an address such as https://feeds.example.com/wire.xml"]);
    expect(errors({ ...base, kind: "http", url: "https://u:p@x.example/a", format: "rss" }).url).toEqual(["Put the user name and password in the credentials, not in the address"]);
    expect(errors({ ...base, kind: "http", url: "https://x.example/a", format: "json" }).format).toEqual(["The format is rss, atom, ninjs or newsml"]);
    expect(errors({ ...base, kind: "http", url: "https://x.example/a", format: "rss", intervalSeconds: 2 }).intervalSeconds).toEqual(["Poll at most every 5 seconds"]);
    expect(errors({ ...base, kind: "folder", path: "/in", intervalSeconds: 90_000 }).intervalSeconds).toEqual(["Poll at least once a day (86400 seconds)"]);
    expect(errors({ ...base, kind: "folder", path: "/in", intervalSeconds: 1.5 }).intervalSeconds).toEqual(["The interval is a whole number of seconds"]);
    expect(errors({ ...base, kind: "ftp", url: "ftp://x.example/", afterTake: "keep" }).credentials).toBeDefined();
    expect(errors({ ...base, kind: "ftp", url: "ftp://x.example/", afterTake: "keep", credentials: { username: "ani", password: "a\r\nDELE x" } })["credentials.password"]).toEqual([
      "The password may not hold control characters or line breaks",
    ]);
    expect(errors({ ...base, kind: "ftp", url: "ftp://x.example/", afterTake: "burn", credentials: { username: "a", password: "b" } }).afterTake).toEqual(["After taking a file: delete, move or keep it"]);
    expect(errors({ ...base, name: "", agency: "A/B", kind: "folder", path: "/in" })).toMatchObject({ name: ["Give the source a name"], agency: ["An agency's code is letters and digits, such as ANI, PTI or Reuters"] });
    expect(errors({ ...base, kind: "folder", path: "/in", colour: "red" })._).toEqual([expect.stringContaining('Unknown field "colour"')]);
  });

  it("checks rules", () => {
    const rules = (value: unknown) => errors({ ...base, kind: "folder", path: "/in", rules: value });
    expect(rules([{ when: { agency: ["PTI"] }, then: {} }])["rules.0.then"]).toEqual(["A rule needs something to do: set a priority, add tags, route to a desk or drop the item"]);
    expect(rules([{ then: { setPriority: "hot" } }])["rules.0.then.setPriority"]).toEqual(["A priority is flash, bulletin, urgent or routine"]);
    expect(rules([{ when: { colour: ["red"] }, then: { drop: true } }])["rules.0.when"]).toEqual([expect.stringContaining("A condition is one of agency, category, keyword and priority")]);
    expect(rules(Array.from({ length: 51 }, () => ({ then: { drop: true } }))).rules).toEqual(["At most 50 rules for one source"]);
    const parsed = wireSourceSchema.parse({ ...base, kind: "folder", path: "/in", rules: [{ then: { addTags: [{ name: "Cricket", type: "topic" }], desk: "Sports" } }] });
    expect(parsed.rules[0]).toEqual({ when: {}, then: { addTags: [{ name: "Cricket", type: "topic" }], desk: "Sports" } });
  });
});
