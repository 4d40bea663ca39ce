import fs from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { createTestDatabase } from "./test-database";
import { migrate } from "./migrate";
import { buildIfNeeded } from "./build-site";
import { hasWrk, runLoad } from "./bench/load";
import { benchEnv, startBenchSite, startNginx } from "./bench/site";
import { ms, percentile } from "./bench/stats";
import { SYSTEM } from "../lib/auth/permissions";

// npm run bench:media — pictures (issue 14):
//  1. uploading a 12-megapixel JPEG (4000 × 3000, photo-like: grain over soft shapes, as a news
//     photo compresses) through the API, BENCH_MEDIA_UPLOADS times (default 8): the time to a
//     201, which holds the decode, the metadata, all 26 renditions and their writing;
//  2. one rendition requested by 64 connections for BENCH_SECONDS (default 10), against nginx
//     serving the same file;
//  3. the article with that picture as its lead: the page's own weight, and the rendition a
//     390-pixel phone at 2× downloads (the browser's choice from the srcset and sizes), against
//     the target of 60 KB.

const UPLOADS = Number(process.env.BENCH_MEDIA_UPLOADS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const log = (line: string) => console.log(`[bench:media] ${line}`);

/** A 4000 × 3000 picture with the statistics of a photo rather than of noise or of a flat gradient. */
async function photoLikeJpeg(seed: number): Promise<Buffer> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const coarse = Buffer.alloc(160 * 120 * 3);
  for (let i = 0; i < coarse.length; i++) coarse[i] = Math.floor(random() * 255);
  const shapes = await sharp(coarse, { raw: { width: 160, height: 120, channels: 3 } }).resize(4000, 3000, { kernel: "cubic" }).blur(6).raw().toBuffer();
  for (let i = 0; i < shapes.length; i++) shapes[i] = Math.max(0, Math.min(255, shapes[i] + Math.floor((random() - 0.5) * 24)));
  return sharp(shapes, { raw: { width: 4000, height: 3000, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** What a browser picks from a srcset for a slot of `cssWidth` at `dpr`: the narrowest candidate at least that many pixels wide. */
function chosen(srcset: string, cssWidth: number, dpr: number): string {
  const candidates = srcset.split(", ").map((each) => each.split(" ")).map(([url, width]) => ({ url, width: Number(width.slice(0, -1)) })).sort((a, b) => a.width - b.width);
  return (candidates.find((each) => each.width >= cssWidth * dpr) ?? candidates[candidates.length - 1]).url;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Lighthouse's scores for a page (npm's lighthouse, Debian's Chromium), with its LCP and CLS; null without Chromium. */
async function lighthouseScores(url: string): Promise<Record<string, number | string> | null> {
  if (!fs.existsSync(CHROMIUM)) return null;
  const { default: lighthouse } = await import("lighthouse");
  const { launch } = await import("chrome-launcher");
  // As the machine's own checks start it: no background traffic, which this closed network refuses.
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
    if (!result) throw new Error("Lighthouse gave no result");
    const { categories, audits } = result.lhr;
    return {
      ...Object.fromEntries(Object.entries(categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)])),
      lcp: audits["largest-contentful-paint"]?.displayValue ?? "?",
      cls: audits["cumulative-layout-shift"]?.displayValue ?? "?",
    };
  } finally {
    chrome.kill();
  }
}

async function main() {
  const database = await createTestDatabase();
  const mediaDir = fs.mkdtempSync(`${os.tmpdir()}/dateline-bench-media-`);
  log(`database: ${database.describe}; pictures in ${mediaDir}`);
  try {
    await migrate(database.url, () => {});
    process.env.DATABASE_URL = database.url;
    const { createUser } = await import("../lib/users/create-user");
    const { createApiKey } = await import("../lib/users/create-api-key");
    const email = `media-bench-${Date.now()}@dateline.invalid`;
    await createUser({ actor: SYSTEM, input: { email, role: "editor", name: "Media Bench", password: `bench-${Date.now()}-password` } });
    const authorization = `Bearer ${(await createApiKey({ actor: SYSTEM, input: { email } })).key}`;

    const env = benchEnv({ MEDIA_DIR: mediaDir });
    await buildIfNeeded({ env, distDir: ".next-bench", databaseIdentity: "bench", log });
    const site = await startBenchSite(env);
    log(`site up at ${site.url}`);

    // 1. Uploads, one at a time (each editor's upload is processed alone: one picture at a time per process).
    const photos = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => photoLikeJpeg(i + 1)));
    log(`${UPLOADS} photos of 12 megapixels, ${(photos.reduce((sum, photo) => sum + photo.length, 0) / UPLOADS / 1048576).toFixed(1)} MB each on average`);
    const uploadTimes: number[] = [];
    type Media = { id: string; renditions: { url: string; ratio: string; width: number; format: string; bytes: number }[] };
    let media: Media | null = null;
    for (const [i, photo] of photos.entries()) {
      const started = performance.now();
      const response = await fetch(`${site.url}/api/v1/media?filename=bench-${i}.jpg`, { method: "POST", headers: { authorization, "content-type": "image/jpeg" }, body: new Uint8Array(photo) });
      if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
      media = (await response.json()) as Media;
      uploadTimes.push(performance.now() - started);
    }
    const renditionBytes = media!.renditions.reduce((sum, each) => sum + each.bytes, 0);

    // 2. One rendition under load, then the same file from nginx.
    const served = media!.renditions.find((each) => each.ratio === "16:9" && each.format === "avif" && each.width === 800)!;
    const path = new URL(served.url).pathname;
    const ours = await runLoad({ baseUrl: site.url, paths: [path], seconds: SECONDS, connections: CONNECTIONS });
    const bytes = Buffer.from(await (await fetch(`${site.url}${path}`)).arrayBuffer());
    const nginx = await startNginx([{ name: "picture.avif", type: "image/avif", bytes }]);
    const theirs = nginx ? await runLoad({ baseUrl: nginx.url, paths: ["/picture.avif"], seconds: SECONDS, connections: CONNECTIONS }) : null;
    nginx?.stop();

    // 3. The article leading with it.
    await fetch(`${site.url}/api/v1/media/${media!.id}`, { method: "PATCH", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify({ alt: "A photo-like test picture" }) });
    const story = (await (await fetch(`${site.url}/api/v1/stories`, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify({ headline: "Benchmark article with a lead picture", standfirst: "A standfirst of a sentence or two, as most stories have.", body: `<p>${"Words of an agency dispatch, as long as most are. ".repeat(60)}</p>`, tags: ["Benchmarks"], leadImage: { id: media!.id } }) })).json()) as { id: string; slug: string };
    await fetch(`${site.url}/api/v1/stories/${story.id}/publish`, { method: "POST", headers: { authorization } });
    const page = await (await fetch(`${site.url}/stories/${story.slug}`, { headers: { "accept-encoding": "identity" } })).text();
    const gzipped = gzipSync(page).length;
    const avif = /<source type="image\/avif" srcset="([^"]+)" sizes="([^"]+)"\/>/.exec(page)!;
    // The article's pictures fill the screen less 2 rem on a phone (ARTICLE_PICTURE_SIZES).
    const phoneSlot = 390 - 32;
    const phoneUrl = chosen(avif[1], phoneSlot, 2);
    const phoneBytes = (await (await fetch(`${site.url}${phoneUrl}`)).arrayBuffer()).byteLength;
    const phoneAt3 = (await (await fetch(`${site.url}${chosen(avif[1], phoneSlot, 3)}`)).arrayBuffer()).byteLength;

    // 4. Lighthouse on that article, as a phone on a slow 4G connection sees it (its defaults).
    const scores = await lighthouseScores(`${site.url}/stories/${story.slug}`);

    // Stopped before its database is dropped under it.
    const exited = new Promise((resolve) => site.child.once("exit", resolve));
    site.child.kill("SIGTERM");
    await exited;
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(`\nPictures, ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, Node ${process.version}; load by ${hasWrk() ? "wrk" : "autocannon"}, ${CONNECTIONS} connections, ${SECONDS} s`);
    console.log(`  upload of a 12-megapixel JPEG → 201     p50 ${ms(percentile(uploadTimes, 50))}  max ${ms(Math.max(...uploadTimes))}  (${UPLOADS} uploads; ${media!.renditions.length} renditions, ${(renditionBytes / 1024).toFixed(0)} KB in all)`);
    console.log(`  a rendition (16:9, 800 wide, AVIF)      ${Math.round(ours.requestsPerSecond).toLocaleString("en-US")} req/s, p95 ${ours.p95.toFixed(1)} ms, ${ours.errors} errors`);
    if (theirs) console.log(`  nginx, the same file                    ${Math.round(theirs.requestsPerSecond).toLocaleString("en-US")} req/s, p95 ${theirs.p95.toFixed(1)} ms (ours: ${((ours.requestsPerSecond / theirs.requestsPerSecond) * 100).toFixed(1)}% of nginx)`);
    else console.log("  nginx                                    not installed (apt-get install nginx)");
    console.log(`  article with the lead picture           ${(Buffer.byteLength(page) / 1024).toFixed(1)} KB of HTML (${(gzipped / 1024).toFixed(1)} KB gzipped)`);
    console.log(`  its picture on a 390 px phone           ${(phoneBytes / 1024).toFixed(1)} KB at 2× (${phoneUrl.split(".").pop()}), ${(phoneAt3 / 1024).toFixed(1)} KB at 3× (target < 60 KB)`);
    if (scores) console.log(`  Lighthouse, the article (mobile)        performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores["best-practices"]}, SEO ${scores.seo}; LCP ${scores.lcp}, CLS ${scores.cls} (target: performance 100)`);
    else console.log(`  Lighthouse                               no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  } finally {
    await database.drop();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
