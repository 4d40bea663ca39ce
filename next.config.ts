import type { NextConfig } from "next";
import { REQUEST_BODY_LIMIT_MB } from "./lib/request-limits";

const nextConfig: NextConfig = {
  // The test suite builds into its own folder so its cache never mixes with `npm start`'s.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Metadata goes in <head> for every client, crawlers and link previews included: the page cache
  // in front (lib/serving) keeps one rendering of each page for all of them.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "sanitize-html", "compromise", "sharp", "exifr"],
  // Wire copy may be up to 1 MB an item, and editors drop several files at once.
  experimental: { serverActions: { bodySizeLimit: `${REQUEST_BODY_LIMIT_MB}mb` } },
};

export default nextConfig;
