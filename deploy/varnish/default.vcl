vcl 4.1;

# Varnish before Dateline (Debian's varnish and varnish-modules, for xkey). Reader responses are
# kept until the app purges them by surrogate key (lib/cache/surrogate-keys.ts): every response
# it may keep names its keys in Surrogate-Key and its lifetime in Surrogate-Control; after each
# change the app's job runner sends `PURGE /` with the keys in xkey-purge (lib/cache/purge-caches.ts,
# VARNISH_PURGE_URLS). Everything else — the newsroom, the API, sign-in — passes through.
#
#   varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,1g
#
# Several instances: one backend each, in a director (README, "Several instances").

import std;
import xkey;

backend dateline {
  # The instance's PORT (npm start).
  .host = "127.0.0.1";
  .port = "3000";
  .connect_timeout = 2s;
  .first_byte_timeout = 30s;
  .between_bytes_timeout = 10s;
  # Marked sick within ~2 s of going down: kept pages are then served past their time (stale-if-error).
  .probe = {
    .url = "/robots.txt";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
  }
}

# Who may purge: the app instances' job runners. Add their addresses.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "Name the keys to purge in xkey-purge"));
    }
    set req.http.n-gone = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.n-gone + " objects"));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Reader addresses only; the app decides what is kept (a response without Surrogate-Key never is).
  if (req.url !~ "^/(\?|$|stories/|tags/|page/|search|feed|sitemap|news-sitemap\.xml|robots\.txt|favicon\.ico|icon|_next/static/|media/)") {
    return (pass);
  }
  # Next's in-app navigations and anything signed in are the visitor's own.
  if (req.http.Authorization || req.http.RSC || req.http.Next-Router-Prefetch || req.http.Next-Router-State-Tree) {
    return (pass);
  }
  # Reader pages are the same for everyone: a cookie must not split the cache.
  unset req.http.Cookie;
  # While the site answers, a page past its time is made again (10 s of grace hide the fetch);
  # while it does not, kept pages are served for as long as their stale-if-error allows.
  if (std.healthy(req.backend_hint)) {
    set req.grace = 10s;
  }
  return (hash);
}

sub vcl_backend_response {
  # A page made again in the background that fails keeps the old one (stale-if-error).
  if (beresp.status >= 500 && bereq.is_bgfetch) {
    return (abandon);
  }
  if (beresp.http.Surrogate-Key && !beresp.http.Set-Cookie && beresp.http.Cache-Control !~ "(private|no-store)") {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1") + "s", 0s);
    set beresp.grace = std.duration(regsub(beresp.http.Surrogate-Control, "^.*stale-if-error=([0-9]+).*$", "\1") + "s", 0s);
    unset beresp.http.Surrogate-Control;
    return (deliver);
  }
  # Not the app's to keep: passed on, and the next request for it goes to the app too.
  set beresp.uncacheable = true;
  set beresp.ttl = 120s;
  return (deliver);
}

sub vcl_deliver {
  # The keys are for this cache; Cache-Tag stays for a Cloudflare before it (which strips it).
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  if (obj.uncacheable) {
    set resp.http.X-Cache = "PASS";
  } else if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
