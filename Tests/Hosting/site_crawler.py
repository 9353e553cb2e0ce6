"""Standard-library crawler for a built site served over http on 127.0.0.1.

Adapted from the shared web-testing recipe. Starts at the root URL, follows every same-origin
link and asset (href, src, srcset), records each URL's status and every #fragment whose id is
missing. Nothing off the origin is fetched; same-origin URLs outside the base path are fetched
once (to prove they fail) but never crawled further.
"""
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict, deque
from html.parser import HTMLParser

URL_ATTRS = {"href", "src", "srcset", "poster", "data"}
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class PageParser(HTMLParser):
    """Collects link targets and ids from one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRS:
                if name == "srcset":
                    self.links += [(tag, c.strip().split()[0]) for c in value.split(",") if c.strip()]
                else:
                    self.links.append((tag, value.strip()))

    handle_startendtag = handle_starttag


def fetch(url, timeout=10):
    """GET without following redirects: (status, content type, body)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url), timeout=timeout) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(root, max_pages=5000):
    """Crawls from root; returns counts and problems."""
    split = urllib.parse.urlsplit(root)
    origin, base = (split.scheme, split.netloc), split.path
    status, ids = {}, {}
    fragments = defaultdict(set)
    external, outside = set(), set()
    queue, seen, pages, links = deque([root]), {root}, 0, 0
    while queue:
        url = queue.popleft()
        code, ctype, body = fetch(url)
        status[url] = code
        if code != 200 or ctype != "text/html" or not urllib.parse.urlsplit(url).path.startswith(base):
            continue
        pages += 1
        assert pages <= max_pages, "too many pages"
        parser = PageParser()
        parser.feed(body.decode("utf-8", "replace"))
        ids[url] = parser.ids
        for tag, raw in parser.links:
            if not raw or raw.lower().startswith(SKIP_SCHEMES):
                continue
            links += 1
            target, fragment = urllib.parse.urldefrag(urllib.parse.urljoin(url, raw))
            parts = urllib.parse.urlsplit(target)
            if (parts.scheme, parts.netloc) != origin:
                external.add(target)
                continue
            if not parts.path.startswith(base):
                outside.add(target)
            if fragment and tag == "a":
                fragments[(target, urllib.parse.unquote(fragment))].add(url)
            if target not in seen:
                seen.add(target)
                queue.append(target)
    broken = sorted((u, c) for u, c in status.items() if c != 200)
    missing = sorted(
        f"{target}#{fragment} <- {sorted(refs)[0]}"
        for (target, fragment), refs in fragments.items()
        if target in ids and fragment not in ids[target]
    )
    return {
        "pages": pages, "urls": len(status), "links": links, "anchors": len(fragments),
        "broken": broken, "missing_fragments": missing, "outside_base": sorted(outside),
        "external": sorted(external),
    }
