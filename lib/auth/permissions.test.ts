import { describe, expect, it } from "vitest";
import { can, permissions, requirePermission, roles } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

const actor = (role: (typeof roles)[number]) => ({ id: "u", email: "e@x", name: "n", role });

describe("permission table", () => {
  it("lets writers write but not publish", () => {
    expect(can(actor("writer"), "story.create")).toBe(true);
    expect(can(actor("writer"), "story.publish")).toBe(false);
    expect(can(actor("editor"), "story.publish")).toBe(true);
  });

  it("keeps user and key management to admins", () => {
    for (const role of roles) expect(can(actor(role), "user.manage")).toBe(role === "admin");
    for (const role of roles) expect(can(actor(role), "apikey.manage")).toBe(role === "admin");
  });

  it("gives admins every permission", () => {
    for (const permission of Object.keys(permissions) as (keyof typeof permissions)[]) expect(can(actor("admin"), permission)).toBe(true);
  });

  it("answers 401 for nobody and 403 for a role without the permission", () => {
    expect(() => requirePermission(null, "story.read")).toThrow(expect.objectContaining({ code: "unauthorized" }));
    try {
      requirePermission(actor("writer"), "story.publish");
      throw new Error("not refused");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(403);
    }
  });
});
