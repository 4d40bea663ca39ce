-- Every change to a story is announced on the channel dateline_stories, whichever path made it
-- (the newsroom, the API, the CLI, wire ingest, the scheduler), so open newsroom pages learn of it
-- at once (lib/events/story-events.ts). The payload is small: a page fetches what it shows itself.
CREATE OR REPLACE FUNCTION "dateline_notify_story"() RETURNS trigger AS $$
DECLARE
  story RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN story := OLD; ELSE story := NEW; END IF;
  -- A save that changed nothing a page shows (the same version, status and time) says nothing.
  IF TG_OP = 'UPDATE' AND OLD."version" = NEW."version" AND OLD."status" = NEW."status" AND OLD."updatedAt" = NEW."updatedAt" THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('dateline_stories', json_build_object(
    'id', story."id",
    'version', story."version",
    'status', story."status",
    'updatedAt', to_char(story."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'op', lower(TG_OP)
  )::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Story_notify" AFTER INSERT OR UPDATE OR DELETE ON "Story"
  FOR EACH ROW EXECUTE FUNCTION "dateline_notify_story"();

-- Someone opening a story, or leaving it, is announced on dateline_presence. The editor checks in
-- every 15 s, so a check-in by someone already present says nothing: only an arrival (a new row,
-- or a row last seen outside the presence window of lib/stories/presence.ts) and a leave do.
CREATE OR REPLACE FUNCTION "dateline_notify_presence"() RETURNS trigger AS $$
DECLARE
  seen RECORD;
  present BOOLEAN;
BEGIN
  IF TG_OP = 'DELETE' THEN
    seen := OLD;
    present := false;
    -- Clean-up of day-old rows is not anyone leaving now.
    IF OLD."seenAt" < (now() AT TIME ZONE 'UTC') - interval '45 seconds' THEN RETURN NULL; END IF;
  ELSE
    seen := NEW;
    present := true;
    IF TG_OP = 'UPDATE' AND OLD."seenAt" > NEW."seenAt" - interval '45 seconds' THEN RETURN NULL; END IF;
  END IF;
  PERFORM pg_notify('dateline_presence', json_build_object(
    'storyId', seen."storyId",
    'user', (SELECT json_build_object('id', u."id", 'name', u."name", 'role', u."role") FROM "User" u WHERE u."id" = seen."userId"),
    'present', present
  )::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "StoryPresence_notify" AFTER INSERT OR UPDATE OR DELETE ON "StoryPresence"
  FOR EACH ROW EXECUTE FUNCTION "dateline_notify_presence"();
