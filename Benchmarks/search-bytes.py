#!/usr/bin/env python3
"""Bytes of search index a visitor's first query downloads, for a built site.

Replays the theme's search client (Sources/SitegenCore/Theme/default/assets/site.js) against an
output folder: with a split index (search/manifest.json) it loads the manifest, the term shards
for the query's terms, the full posting lists the client would fetch and the document chunks of
the results shown; without one, all of search.json. Sizes are gzip (level 6, one file at a time,
as a server compresses each response) and raw.

Usage: Benchmarks/search-bytes.py OUTPUT [QUERY ...] [--typed] [--exact SEARCH_JSON] [--json FILE]
  --typed  also replay typing each query into the header box one character at a time, every
           prefix run to the end (an upper bound: the client skips stale steps)
  --exact  compare the results with the whole-index search over SEARCH_JSON, the search.json of
           the same site built with `search.split: never` (a split site has none; slow on big
           sites)
"""
import argparse
import base64
import gzip
import json
import re
import sys
from pathlib import Path

DEFAULT_QUERIES = ["cache", "timeout", "kafka", "retry", "87513", "zzzz", "c", "kafka retry", "timeout offset",
                   "cache worker", "deploy kafka background", "gunicorn migration"]
POPUP, PAGE = 8, 100          # results the header popup and the search page show
POSTINGS_BUDGET = 65536       # most bytes of full posting lists the client fetches per term
WORD_SPLIT = re.compile(r"[^\w]+")  # Python's \w: letters, numbers and _, as [\p{L}\p{N}_]


def words(text):
    """The client's words(): lower-cased, split on anything but letters, numbers and _."""
    return [w for w in WORD_SPLIT.split(text.lower()) if w]


class Client:
    """One visitor: every file fetched once, sizes recorded."""

    def __init__(self, out, level=6):
        self.out, self.level, self.fetched = Path(out), level, {}
        manifest = self.out / "search" / "manifest.json"
        self.manifest = json.loads(manifest.read_bytes()) if manifest.exists() else None
        if self.manifest:
            self.base = "search/"
            self.keys = {key: i for i, key in enumerate(self.manifest["shards"])}

    def get(self, path):
        if path not in self.fetched:
            self.fetched[path] = (self.out / path).read_bytes()
        return json.loads(self.fetched[path])

    def sizes(self):
        raw = sum(len(b) for b in self.fetched.values())
        packed = sum(len(gzip.compress(b, self.level, mtime=0)) for b in self.fetched.values())
        return {"gzip": packed, "raw": raw, "files": len(self.fetched)}

    def breakdown(self):
        kinds = {}
        for path, data in self.fetched.items():
            kind = Path(path).name.split("-")[0].split(".")[0]
            entry = kinds.setdefault(kind, [0, 0])
            entry[0] += 1
            entry[1] += len(gzip.compress(data, self.level, mtime=0))
        return kinds

    def find(self, query, limit, full):
        """(count, shown doc ids); loads what the client loads."""
        if not self.manifest:
            self.get("search.json")
            return None, []
        self.get("search/manifest.json")
        terms = [t.replace("ς", "σ") for t in words(query)]
        if not terms:
            return 0, []
        full = full or len(terms) > 1
        found = [self.lookup(t) for t in terms]
        maps = []
        for entries in found:
            capped = [x for x in entries if x[0][0] != 0]
            size = sum(x[0][0] if x[0][0] > 0 else float("inf") for x in capped)
            lists = []
            if full and capped and size <= POSTINGS_BUDGET:
                lists = [self.get(self.base + x[1]) for x in capped]
            maps.append(self.flags(entries, lists))
        maps.sort(key=len)
        hits = []
        for doc in maps[0]:
            score, top = 0, 0
            for m in maps:
                b = m.get(doc, 0)
                if not b:
                    break
                score += (100 if b & 8 else 0) + (30 if b & 16 else 0) + (20 if b & 1 else 0) + (1 if b & 2 else 0)
                top |= b & 4
            else:
                hits.append((-(score + (2 if top else 0)), doc))
        hits.sort()
        shown = [doc for _, doc in hits[:limit]]
        for doc in shown:
            number = doc // self.manifest["chunk"]
            block = self.manifest["d"][number // self.manifest["block"]]
            self.get(f"{self.base}d-{block}-{number}.json")
        return len(hits), shown

    def lookup(self, term):
        shard = None
        for n in range(len(term), 0, -1):
            shard = self.keys.get(term[:n])
            if shard is not None:
                break
        if shard is None:
            return []
        name = self.manifest["s"][shard]
        data = self.get(f"{self.base}t-{name}.json")
        if "a" in data and term == self.manifest["shards"][shard]:
            return [(data["a"], None)]
        return [(e, f"p-{name}-{k}.json") for k, (w, e) in enumerate(zip(data["w"], data["e"]))
                if w.startswith(term)]

    @staticmethod
    def flags(entries, lists):
        f = {}
        for (m, p, s), _ in entries:
            d = 0
            for i in range(0, len(p), 2):
                d += p[i]
                bits = 24 if p[i + 1] & 1 else 8
                for j in range(p[i + 1] >> 1):
                    f[d + j] = f.get(d + j, 0) | bits | (0 if j else 4)
                d += p[i + 1] >> 1
            d = 0
            for i in range(0, len(s), 2):
                d += s[i]
                f[d] = f.get(d, 0) | s[i + 1]
        docs = []
        for full in lists:
            if "b" in full:
                for i, byte in enumerate(base64.b64decode(full["b"])):
                    docs += [i * 8 + j for j in range(8) if byte >> j & 1]
            else:
                d = 0
                for gap in full["d"]:
                    d += gap
                    docs.append(d)
        for d in docs:
            if not f.get(d, 0) & 3:
                f[d] = f.get(d, 0) | 2
        return f


class Exact:
    """The whole-index search of the client's small-site path, over a search.json file."""

    def __init__(self, path):
        self.entries = [(words(e["title"]), words(e["heading"]), words(e["text"]))
                        for e in json.loads(Path(path).read_bytes())]

    def find(self, query):
        terms, hits = words(query), []
        for i, (title, heading, text) in enumerate(self.entries):
            score = 0
            for t in terms:
                s = ((100 if any(w.startswith(t) for w in title) else 0)
                     + (20 if any(w.startswith(t) for w in heading) else 0)
                     + (1 if any(w.startswith(t) for w in text) else 0))
                if not s:
                    break
                score += s + (30 if title and title[0].startswith(t) else 0)
            else:
                hits.append((-(score + (0 if heading else 2)), i))
        hits.sort()
        return [i for _, i in hits]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("queries", nargs="*")
    parser.add_argument("--typed", action="store_true")
    parser.add_argument("--exact", metavar="SEARCH_JSON")
    parser.add_argument("--level", type=int, default=6)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_intermixed_args()
    queries = args.queries or DEFAULT_QUERIES
    exact = Exact(args.exact) if args.exact else None
    probe = Client(args.output, args.level)
    mode = "split" if probe.manifest else "single search.json"
    docs = probe.manifest["docs"] if probe.manifest else len(json.loads((Path(args.output) / "search.json").read_bytes()))
    print(f"{args.output}: {mode}, {docs} documents; gzip level {args.level}")
    header = f"{'query':26} {'where':6} {'gzip KB':>8} {'raw KB':>8} {'files':>5} {'results':>8}"
    if exact:
        header += f" {'exact':>7} {'same top':>8} {'in order':>8}"
    print(header)
    rows = []
    for query in queries:
        for where, limit, full in (("popup", POPUP, False), ("page", PAGE, True)):
            client = Client(args.output, args.level)
            count, shown = client.find(query, limit, full)
            row = {"query": query, "where": where, **client.sizes(), "results": count,
                   "breakdown": client.breakdown()}
            line = (f"{query!r:26} {where:6} {row['gzip'] / 1000:8.1f} {row['raw'] / 1000:8.1f} "
                    f"{row['files']:5} {count if count is not None else '-':>8}")
            if exact:
                truth = exact.find(query)
                row["exact"] = len(truth)
                row["sameTop"] = sum(1 for d in shown if d in set(truth[:limit]))
                row["inOrder"] = shown == truth[:limit]
                line += f" {len(truth):7} {row['sameTop']:>4}/{min(limit, len(truth)):<3} {str(row['inOrder']):>8}"
            print(line)
            rows.append(row)
        if args.typed:
            client = Client(args.output, args.level)
            for n in range(1, len(query) + 1):
                if query[:n].strip():
                    client.find(query[:n].strip(), POPUP, False)
            row = {"query": query, "where": "typed", **client.sizes()}
            print(f"{query!r:26} {'typed':6} {row['gzip'] / 1000:8.1f} {row['raw'] / 1000:8.1f} {row['files']:5}")
            rows.append(row)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
