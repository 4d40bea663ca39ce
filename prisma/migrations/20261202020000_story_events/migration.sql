-- Every change to a story is announced on the channel dateline_stories, whichever path made it
-- (the newsroom, the API, the CLI, wire ingest, the scheduler), so open newsroom pages learn of it
-- at once (lib/events/). The payload is small (id, version, status, updatedAt, op): a page fetches
-- what it shows itself. A save that changes none of version, status and time says nothing.
--
-- The function bodies are E'' strings with each semicolon written \073: Prisma's pg adapter splits
-- a migration script at every semicolon, inside dollar quotes too.
CREATE OR REPLACE FUNCTION "dateline_notify_story"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  story RECORD\073
BEGIN
  IF TG_OP = ''DELETE'' THEN story := OLD\073 ELSE story := NEW\073 END IF\073
  IF TG_OP = ''UPDATE'' AND OLD."version" = NEW."version" AND OLD."status" = NEW."status" AND OLD."updatedAt" = NEW."updatedAt" THEN
    RETURN NULL\073
  END IF\073
  PERFORM pg_notify(''dateline_stories'', json_build_object(
    ''id'', story."id",
    ''version'', story."version",
    ''status'', story."status",
    ''updatedAt'', to_char(story."updatedAt", ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"''),
    ''op'', lower(TG_OP)
  )::text)\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Story_notify" AFTER INSERT OR UPDATE OR DELETE ON "Story"
  FOR EACH ROW EXECUTE FUNCTION "dateline_notify_story"();

-- Someone opening a story, or leaving it, is announced on dateline_presence with who it is. The
-- editor checks in every 15 s, so a check-in by someone already present says nothing: only an
-- arrival (a new row, or a row last seen outside the 45 s presence window of
-- lib/stories/presence.ts) and a leave do. The clean-up of day-old rows is nobody leaving now.
CREATE OR REPLACE FUNCTION "dateline_notify_presence"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  seen RECORD\073
  present BOOLEAN\073
BEGIN
  IF TG_OP = ''DELETE'' THEN
    seen := OLD\073
    present := false\073
    IF OLD."seenAt" < (now() AT TIME ZONE ''UTC'') - interval ''45 seconds'' THEN RETURN NULL\073 END IF\073
  ELSE
    seen := NEW\073
    present := true\073
    IF TG_OP = ''UPDATE'' AND OLD."seenAt" > NEW."seenAt" - interval ''45 seconds'' THEN RETURN NULL\073 END IF\073
  END IF\073
  PERFORM pg_notify(''dateline_presence'', json_build_object(
    ''storyId'', seen."storyId",
    ''user'', (SELECT json_build_object(''id'', u."id", ''name'', u."name", ''role'', u."role") FROM "User" u WHERE u."id" = seen."userId"),
    ''present'', present
  )::text)\073
  RETURN NULL\073
END
';

CREATE TRIGGER "StoryPresence_notify" AFTER INSERT OR UPDATE OR DELETE ON "StoryPresence"
  FOR EACH ROW EXECUTE FUNCTION "dateline_notify_presence"();
