// Every action the audit log records, with how a sentence about it reads ("Priya published …").
// The one list: the filter's choices and the sentences both come from it; a new audited action
// is added here.
export const auditActions = {
  "story.publish": "published",
  "story.schedule": "scheduled",
  "story.unpublish": "unpublished",
  "story.kill": "killed",
  "story.submit": "submitted for review",
  "story.withdraw_review": "took back from review",
  "story.return": "sent back to its writer",
  "story.restore": "restored an earlier version of",
  "story.correct": "added a correction or update to",
  "story.mark_update": "marked an update to",
  "story.publish_changes": "published a draft of changes to",
  "story.discard_changes": "discarded a draft of changes to",
  "tag.rename": "renamed a tag",
  "tag.merge": "merged two tags",
  "tag.retype": "changed a tag's type",
  "tag.delete": "deleted a tag",
  "user.create": "added a user",
  "user.role_change": "changed a user's role",
  "user.deactivate": "deactivated a user",
  "user.activate": "reactivated a user",
  "user.password_change": "changed their password",
  "user.password_set": "set a user's password",
  "user.sign_in_unlock": "lifted a sign-in lock",
  "apikey.create": "created an API key",
  "apikey.revoke": "revoked an API key",
  "wire.source_create": "added an ingest source",
  "wire.source_update": "changed an ingest source",
  "wire.source_delete": "removed an ingest source",
  "webhook.create": "added a webhook",
  "webhook.update": "changed a webhook",
  "webhook.delete": "removed a webhook",
} as const;

export type AuditAction = keyof typeof auditActions;
export const auditActionNames = Object.keys(auditActions) as AuditAction[];
