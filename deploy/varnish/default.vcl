vcl 4.1;
# Front cache for the Connective Cities site (Varnish 6/7 as packaged by Debian).
#
# - Caches what the app marks `public` (Cache-Control s-maxage), for readers without a session.
# - Passes the admin, every non-GET/HEAD request and anything with the session cookie; strips
#   every other cookie, so that a tracking cookie never splits or bypasses the cache.
# - Indexes objects by the tags the app names in each response's `xkey` header (xkey, from
#   Debian's varnish-modules) and accepts PURGE with the tags to drop in an `xkey` header, only
#   on the listen address named "purge" and only from the app servers (acl purgers). The app
#   sends it there after each change (FRONTEND_CACHE_URLS; see caching/frontend.py). Start
#   varnishd with both listen addresses, the readers' and the app servers':
#       varnishd -a public=:6081 -a purge=127.0.0.1:6091 …
#   A TLS proxy on this host connects from 127.0.0.1 too, so the address alone would let any
#   reader purge through it; it forwards to the public listen address only.
# - Hands the app exactly one address in X-Forwarded-For, the reader's (set TRUSTED_PROXY_COUNT=1
#   on the app servers): the connecting address, or, for a proxy of our own in front of Varnish
#   (acl forwarders: a TLS proxy on this host), the address that proxy added last.
# - Stores and sends shared text (HTML, feeds, sitemaps) gzipped.
# - A purge drops what carries a tag on every host name (a default site answers to any name).
#
# The app's address is filled in by whoever deploys this file (127.0.0.1:8000 by default).

import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Addresses allowed to purge and ban: the app servers. Add each app server's address here.
acl purgers {
    "127.0.0.1";
    "::1";
}

# Proxies in front of Varnish whose X-Forwarded-For names the reader: a TLS proxy on this host
# (nginx with `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`). A TLS proxy that
# speaks the PROXY protocol (hitch, Debian's `-a localhost:8443,PROXY`) needs no entry: Varnish
# then sees the reader's own address as client.ip.
acl forwarders {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # One object per host name, whatever the port the client used.
    set req.http.Host = regsub(req.http.Host, ":[0-9]+$", "");

    if (req.restarts == 0) {
        # Varnish has appended client.ip to whatever X-Forwarded-For the client sent. A reader
        # can write anything there, so the app gets one address only: the one our own proxy
        # added just before client.ip, or client.ip itself.
        if (client.ip ~ forwarders && req.http.X-Forwarded-For ~ ",") {
            set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For,
                "^(?:.*,)?\s*([^,\s]+)\s*,[^,]*$", "\1");
        } else {
            set req.http.X-Forwarded-For = client.ip;
        }
    }

    if (req.method == "PURGE" || req.method == "BAN") {
        if (local.socket != "purge" || client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN" || !req.http.xkey) {
            return (synth(400, "PURGE with an xkey header required"));
        }
        return (synth(200, "Purged " + xkey.purge(req.http.xkey)));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)") {
        return (pass);
    }
    # Editors, and readers who entered a page password, have a session: never cached.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    # The app does not vary on these; dropping them keeps one object per URL.
    unset req.http.Accept-Language;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie) {
        # A response that sets a cookie is someone's own; never shared.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Text is stored gzipped, once per object; readers who accept gzip (every browser) get it
    # so, and Varnish unzips it for the rest. Only what is shared: a response for one person
    # (the admin, a session, Cache-Control private) passes as the app sent it, so that none of
    # their secrets is compressed beside what they typed (BREACH). The app never compresses.
    if (!bereq.uncacheable && !beresp.http.Content-Encoding
            && beresp.http.Cache-Control !~ "(private|no-store)"
            && beresp.http.Content-Type ~ "^(text/|image/svg\+xml|application/(xml|json|ld\+json|rss\+xml|atom\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    # Serve a stale copy for a while when the app is down or slow to answer (not after a purge:
    # purged objects are gone). Not for copies the app marks as short-lived (made while
    # content changed; see caching/middleware.py): once expired, they are never served again.
    if (beresp.ttl >= 60s) {
        set beresp.grace = 6h;
    } else {
        set beresp.grace = 0s;
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
