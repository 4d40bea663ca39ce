import { describe, expect, it } from "vitest";
import { auditSentence } from "@/lib/audit/audit-sentence";

const at = new Date("2026-12-01T09:00:00Z");
const actor = { name: "Priya Sharma", email: "priya@news.example" };
const story = { id: "s1", headline: "Talks resume" };

describe("audit entries as sentences", () => {
  it("say who did what to which story, and what the detail adds", () => {
    expect(auditSentence({ action: "story.publish", at, actor, story, detail: { from: "in_review", at: at.toISOString() } })).toEqual({ who: "Priya Sharma", did: "published", story, rest: "from in review" });
    expect(auditSentence({ action: "story.kill", at, actor, story, detail: { from: "published", reason: "legal" } }).rest).toBe("from published (legal)");
    expect(auditSentence({ action: "tag.merge", at, actor, story: null, detail: { from: { name: "Jaishankar" }, into: { name: "S Jaishankar" }, stories: 12 } }).rest).toBe("“Jaishankar” into “S Jaishankar”, 12 stories");
    expect(auditSentence({ action: "tag.retype", at, actor, story: null, detail: { name: "Georgia", from: "person", to: "place" } }).rest).toBe("“Georgia” from person to place");
    expect(auditSentence({ action: "tag.delete", at, actor, story: null, detail: { name: "Tset", type: "topic" } })).toMatchObject({ did: "deleted a tag", rest: "“Tset” (topic)" });
    expect(auditSentence({ action: "user.role_change", at, actor, story: null, detail: { email: "a@b.example", from: "writer", to: "editor" } }).rest).toBe("a@b.example from writer to editor");
  });

  it("name the scheduler and the operator when no user acted, and read an unknown action as its name", () => {
    expect(auditSentence({ action: "story.publish", at, actor: null, story, detail: { from: "scheduled", by: "scheduler" } }).who).toBe("The scheduler");
    expect(auditSentence({ action: "user.create", at, actor: null, story: null, detail: { email: "x@y.example", role: "writer" } })).toMatchObject({ who: "The operator (CLI)", did: "added a user", rest: "x@y.example (writer)" });
    expect(auditSentence({ action: "story.flambé", at, actor, story, detail: null }).did).toBe("story.flambé");
  });
});
