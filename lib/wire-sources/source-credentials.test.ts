import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { credentialsKey, decryptCredentials, encryptCredentials, redactUrl } from "@/lib/wire-sources/source-credentials";

const key = randomBytes(32);

describe("source credentials", () => {
  it("round-trips, and the stored text shows nothing of the secret", () => {
    const stored = encryptCredentials({ username: "ani", password: "s3cret-horse" }, key);
    expect(stored).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(stored).not.toContain("s3cret");
    expect(decryptCredentials(stored, key)).toEqual({ username: "ani", password: "s3cret-horse" });
    // A fresh IV every time: the same credentials never store alike.
    expect(encryptCredentials({ bearerToken: "t" }, key)).not.toEqual(encryptCredentials({ bearerToken: "t" }, key));
  });

  it("refuses another key or altered text, in words", () => {
    const stored = encryptCredentials({ bearerToken: "tok" }, key);
    expect(() => decryptCredentials(stored, randomBytes(32))).toThrow("cannot be decrypted with WIRE_CREDENTIALS_KEY");
    const [v, iv, tag, text] = stored.split(":");
    const altered = [v, iv, tag, `${text.slice(0, -2)}${text.endsWith("AA") ? "BB" : "AA"}`].join(":");
    expect(() => decryptCredentials(altered, key)).toThrow("the key has changed or the stored text is damaged");
    expect(() => decryptCredentials("plain", key)).toThrow("not in a form Dateline knows");
  });

  it("reads the key from the environment in base64 or hex, naming the variable when it is wrong", () => {
    expect(credentialsKey(key.toString("base64"))).toEqual(key);
    expect(credentialsKey(key.toString("hex"))).toEqual(key);
    expect(credentialsKey(key.toString("base64url"))).toEqual(key);
    expect(() => credentialsKey("")).toThrow("WIRE_CREDENTIALS_KEY is not set");
    expect(() => credentialsKey("short")).toThrow("WIRE_CREDENTIALS_KEY must be 32 bytes");
    expect(() => credentialsKey(randomBytes(16).toString("base64"))).toThrow("WIRE_CREDENTIALS_KEY must be 32 bytes");
  });

  it("redacts URLs for display", () => {
    expect(redactUrl("ftp://ani:hunter2@ftp.example.com/out")).toBe("ftp://ftp.example.com/out");
    expect(redactUrl("https://feeds.example.com/a.xml?api_key=abc&section=world")).toBe("https://feeds.example.com/a.xml?api_key=***&section=world");
    expect(redactUrl("not a url://user:pw@host")).not.toContain("pw");
  });
});
