import cliProgress from "cli-progress";
import pg from "pg";

// Realistic stories for the benchmark, made inside Postgres (generate_series) so a million rows
// cost no network round trips: wire-length bodies of 8 paragraphs from a word pool, datelines,
// three tags each (one of the 20 big ones for a third of them, so some tag pages are very long),
// published one every 30 seconds back from now. Ids are md5-derived, so reruns are idempotent.

export const WORDS = `government minister said on tuesday the official statement talks between two countries
security council meeting prime president election commission police reported killed injured
district capital state court ruling supreme high bench petition hearing farmers protest market
prices inflation bank reserve rate growth quarter economy trade deal export import oil gas energy
power project railway airport flight passengers weather monsoon rain flood heat wave cyclone coast
village city municipal water supply health hospital doctors patients vaccine disease outbreak
school students university exam results cricket match series captain team won lost runs wickets
film actor release box office festival award music concert border army soldiers ceasefire talks
visit delegation agreement signed memorandum cooperation defence technology startup investment
company shares profit revenue chief executive announced plan launch mission space satellite rocket
india russia china united states europe japan pakistan bangladesh nepal sri lanka delhi mumbai
moscow beijing washington london tokyo kolkata chennai bengaluru hyderabad lucknow patna jaipur`
  .split(/\s+/)
  .filter(Boolean);
const PLACES = ["NEW DELHI", "MUMBAI", "MOSCOW", "WASHINGTON", "LONDON", "BEIJING", "KOLKATA", "CHENNAI", "TOKYO", "DHAKA"];
export const BENCH_TAGS = 2000;
const BATCH = 5000;
const PHRASES = 20_000;
const PARAGRAPHS = 5_000;

export async function seedBench(options: { databaseUrl: string; stories: number; editorId: string; log: (line: string) => void }) {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const have = Number((await client.query(`SELECT count(*) AS n FROM "Story" WHERE slug LIKE 'bench-story-%'`)).rows[0].n);
    if (have >= options.stories) {
      options.log(`the bench database already holds ${have.toLocaleString("en-US")} stories`);
      return;
    }
    await client.query(
      `INSERT INTO "Tag" (id, name, slug, type, aliases, "createdAt")
       SELECT md5('bench-tag-' || j)::uuid, 'Bench Tag ' || j, 'bench-tag-' || j,
              (ARRAY['person','place','organisation','topic'])[1 + j % 4]::"TagType", '{}', now()
       FROM generate_series(1, $1) j
       ON CONFLICT DO NOTHING`,
      [BENCH_TAGS],
    );
    // Random text made once per run, then combined per story by arithmetic on its number:
    // cheap enough for a million rows, varied enough for search and compression to be realistic.
    await client.query(`CREATE TEMP TABLE bench_phrases AS
      SELECT n, (SELECT string_agg(($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int], ' ') FROM generate_series(1, 12) WHERE n > 0) AS text
      FROM generate_series(1, ${PHRASES}) n`, [WORDS]);
    await client.query(`CREATE TEMP TABLE bench_paragraphs AS
      SELECT n, (SELECT string_agg(($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int], ' ') FROM generate_series(1, 70) WHERE n > 0) AS text
      FROM generate_series(1, ${PARAGRAPHS}) n`, [WORDS]);
    await client.query("CREATE INDEX ON bench_phrases (n); CREATE INDEX ON bench_paragraphs (n)");
    const bar = process.stdout.isTTY
      ? new cliProgress.SingleBar({ format: "seeding stories |{bar}| {value}/{total} ({eta}s left)" }, cliProgress.Presets.shades_classic)
      : null;
    bar?.start(options.stories, have);
    const started = Date.now();
    for (let from = have + 1; from <= options.stories; from += BATCH) {
      const to = Math.min(options.stories, from + BATCH - 1);
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Story" (id, slug, headline, standfirst, body, status, version, agency, byline,
            "datelineLocation", "datelineCountry", "datelineDate", "publishedAt", "firstPublishedAt",
            "createdById", "updatedById", "createdAt", "updatedAt")
         SELECT md5('bench-story-' || i)::uuid, 'bench-story-' || i,
                initcap(h.text) || ' (' || i || ')', sf.text, b.body, 'published', 1, 'ANI', NULL,
                ($4::text[])[1 + i % array_length($4::text[], 1)], NULL, (t.at)::date, t.at, t.at, $3::uuid, $3::uuid, t.at, t.at
         FROM generate_series($1::int, $2::int) i
         CROSS JOIN LATERAL (SELECT now() - (($5::int - i) * interval '30 seconds') AS at) t
         JOIN bench_phrases h ON h.n = 1 + (i::bigint * 7919) % ${PHRASES}
         JOIN bench_phrases sf ON sf.n = 1 + (i::bigint * 104729 + 17) % ${PHRASES}
         CROSS JOIN LATERAL (
           SELECT string_agg('<p>' || p.text || '.</p>', '' ORDER BY k) AS body
           FROM generate_series(1, 8) k JOIN bench_paragraphs p ON p.n = 1 + (i::bigint * 1299709 + k * 15485863) % ${PARAGRAPHS}
         ) b`,
        [from, to, options.editorId, PLACES, options.stories],
      );
      await client.query(
        `INSERT INTO "StoryTag" ("storyId", "tagId", position, "livePublishedAt")
         SELECT md5('bench-story-' || i)::uuid, md5('bench-tag-' || tag.j)::uuid, tag.position, now() - (($3::int - i) * interval '30 seconds')
         FROM generate_series($1::int, $2::int) i
         CROSS JOIN LATERAL (VALUES
           (0, CASE WHEN i % 3 = 0 THEN 1 + i % 20 ELSE 1 + (i::bigint * 7919) % $4::int END),
           (1, 1 + (i::bigint * 104729 + 13) % $4::int),
           (2, 1 + (i::bigint * 1299709 + 101) % $4::int)) AS tag(position, j)
         ON CONFLICT DO NOTHING`,
        [from, to, options.stories, BENCH_TAGS],
      );
      await client.query("COMMIT");
      bar?.update(to);
      if (!bar && (to === options.stories || Math.floor(to / 50_000) !== Math.floor((to - BATCH) / 50_000))) {
        options.log(`seeded ${to.toLocaleString("en-US")} stories`);
      }
    }
    bar?.stop();
    await client.query("ANALYZE");
    const seconds = (Date.now() - started) / 1000;
    options.log(`seeded ${(options.stories - have).toLocaleString("en-US")} stories in ${seconds.toFixed(0)} s (${Math.round((options.stories - have) / seconds).toLocaleString("en-US")}/s)`);
  } finally {
    await client.end();
  }
}
