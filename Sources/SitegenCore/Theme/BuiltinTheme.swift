// Generated from Sources/SitegenCore/Theme/default by `make theme`. Do not edit.
// swift-format-ignore-file

/// The built-in theme's files by path, compiled into the binary.
enum BuiltinTheme {
    /// Theme file path → text.
    static let files: [String: String] = [
        "404.mustache": ###"""
{{<base}}
{{$main}}
<article class="sg-article">
<h1>Page not found</h1>
<p>There is no page at this address. Try the <a href="{{homeURL}}">home page</a>, the <a href="{{topicsURL}}">topics</a> or <a href="{{searchURL}}">search</a>.</p>
</article>
{{/main}}
{{/base}}

"""###,
        "assets/favicon.svg": ###"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#2457c5"/><path d="M9 23V9h3l8 9V9h3v14h-3l-8-9v9z" fill="#fff"/></svg>

"""###,
        "assets/site.js": ###"""
// sitegen theme: dark-mode toggle, copy buttons, and search (the index loads on first use).
(function () {
  "use strict";
  var script = document.currentScript;
  var indexURL = script.getAttribute("data-index");
  var root = document.documentElement;

  // Dark mode: follows the system until toggled; the choice is remembered.
  var toggle = document.getElementById("sg-theme-toggle");
  function isDark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  function showToggle() {
    toggle.setAttribute("aria-pressed", String(isDark()));
    toggle.textContent = isDark() ? "Light mode" : "Dark mode";
  }
  if (toggle) {
    toggle.hidden = false;
    showToggle();
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("sg-theme", next); } catch (e) { /* private mode */ }
      showToggle();
    });
  }

  // Copy buttons on code blocks.
  Array.prototype.forEach.call(document.querySelectorAll(".sg-content pre"), function (pre) {
    if (!navigator.clipboard) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sg-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    button.addEventListener("click", function () {
      var code = pre.querySelector("code") || pre;
      navigator.clipboard.writeText(code.innerText).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
    pre.appendChild(button);
  });

  // Search: small sites load all of search.json; large ones load a manifest, then only the term
  // shards, posting lists and document chunks a query needs, each named after a hash the
  // manifest lists (SplitSearchIndexBuilder.swift).
  var entries = null, split = null, loading = null;
  function load() {
    if (!loading) {
      loading = fetch(indexURL).then(function (r) { return r.json(); }).then(function (data) {
        if (Array.isArray(data)) {
          entries = data.map(function (e) {
            return { e: e, title: words(e.title), heading: words(e.heading), text: words(e.text), lower: e.text.toLowerCase() };
          });
        } else {
          split = { m: data, base: indexURL.replace(/[^\/]*$/, ""), files: {}, keys: Object.create(null) };
          data.shards.forEach(function (key, i) { split.keys[key] = i; });
        }
        root.setAttribute("data-search-ready", "");
      });
    }
    return loading;
  }
  function words(text) { return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean); }
  function hasPrefix(list, term) {
    for (var i = 0; i < list.length; i++) if (list[i].lastIndexOf(term, 0) === 0) return true;
    return false;
  }
  function search(terms) {
    var hits = [];
    entries.forEach(function (x, i) {
      var score = 0;
      for (var t = 0; t < terms.length; t++) {
        var s = (hasPrefix(x.title, terms[t]) ? 100 : 0) + (hasPrefix(x.heading, terms[t]) ? 20 : 0) + (hasPrefix(x.text, terms[t]) ? 1 : 0);
        if (!s) return;
        if (x.title.length && x.title[0].lastIndexOf(terms[t], 0) === 0) s += 30;
        score += s;
      }
      if (!x.heading.length) score += 2;
      hits.push({ score: score, i: i, x: x });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return hits;
  }
  // Resolves to { count, hits: the best `limit` as { e, snippet } }, or null once `current()`
  // says the query is stale. `full` fetches complete posting lists so that every match counts.
  function find(query, limit, full, current) {
    return load().then(function () {
      var terms = words(query);
      if (!terms.length) return { count: 0, hits: [] };
      if (split) return splitFind(terms, limit, full || terms.length > 1, current);
      var hits = search(terms);
      return { count: hits.length, hits: hits.slice(0, limit).map(function (h) { return { e: h.x.e, snippet: snippet(h.x, terms) }; }) };
    });
  }
  function get(name) {
    if (!split.files[name]) {
      split.files[name] = fetch(split.base + name).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + r.url);
        return r.json();
      }).catch(function (error) { delete split.files[name]; throw error; });
    }
    return split.files[name];
  }
  // A term's entries [m, p, s] from the shard with the longest key it starts with (aggregate
  // "a" when the term is an inner shard's key).
  function lookup(term) {
    var chars = Array.from(term), i;
    for (var n = chars.length; n > 0 && i === undefined; n--) i = split.keys[chars.slice(0, n).join("")];
    if (i === undefined) return Promise.resolve([]);
    return get("t-" + split.m.s[i] + ".json").then(function (shard) {
      if (shard.a && term === split.m.shards[i]) return [{ e: shard.a }];
      var found = [];
      shard.w.forEach(function (w, k) {
        if (w.lastIndexOf(term, 0) === 0) found.push({ e: shard.e[k], file: "p-" + split.m.s[i] + "-" + k + ".json" });
      });
      return found;
    });
  }
  // Document → bits: 1 heading, 2 text, 4 page top, 8 title, 16 title's first word.
  function flags(found, lists) {
    var f = new Map(), d, i, j;
    function or(doc, bits) { f.set(doc, (f.get(doc) || 0) | bits); }
    found.forEach(function (x) {
      var p = x.e[1], s = x.e[2];
      for (d = 0, i = 0; i < p.length; i += 2) {
        d += p[i];
        for (j = 0; j < p[i + 1] >> 1; j++) or(d + j, (p[i + 1] & 1 ? 24 : 8) | (j ? 0 : 4));
        d += j;
      }
      for (d = 0, i = 0; i < s.length; i += 2) or(d += s[i], s[i + 1]);
    });
    lists.forEach(function (list) {
      function add(doc) { if (!(f.get(doc) & 3)) or(doc, 2); }
      if (list.b) {
        var bytes = atob(list.b);
        for (i = 0; i < bytes.length; i++) for (j = 0, d = bytes.charCodeAt(i); d; j++, d >>= 1) if (d & 1) add(i * 8 + j);
      } else {
        for (d = 0, i = 0; i < list.d.length; i++) add(d += list.d[i]);
      }
    });
    return f;
  }
  function splitFind(terms, limit, full, current) {
    var keys = terms.map(function (t) { return t.replace(/ς/g, "σ"); });
    return Promise.all(keys.map(lookup)).then(function (found) {
      if (!current()) return null;
      return Promise.all(found.map(function (list) {
        var capped = list.filter(function (x) { return x.e[0]; }), size = 0;
        capped.forEach(function (x) { size = x.e[0] > 0 ? size + x.e[0] : Infinity; });
        if (!full || !capped.length || size > 65536) return [];
        return Promise.all(capped.map(function (x) { return get(x.file); }));
      })).then(function (lists) {
        if (!current()) return null;
        var maps = found.map(function (list, t) { return flags(list, lists[t]); }), hits = [];
        maps.sort(function (a, b) { return a.size - b.size; });
        maps[0].forEach(function (_, d) {
          var score = 0, top = 0;
          for (var t = 0; t < maps.length; t++) {
            var b = maps[t].get(d);
            if (!b) return;
            score += (b & 8 ? 100 : 0) + (b & 16 ? 30 : 0) + (b & 1 ? 20 : 0) + (b & 2 ? 1 : 0);
            top |= b & 4;
          }
          hits.push({ score: score + (top ? 2 : 0), d: d });
        });
        hits.sort(function (a, b) { return b.score - a.score || a.d - b.d; });
        var shown = hits.slice(0, limit), size = split.m.chunk;
        return Promise.all(shown.map(function (h) { var j = Math.floor(h.d / size); return get("d-" + split.m.d[Math.floor(j / split.m.block)] + "-" + j + ".json"); })).then(function (chunks) {
          return current() ? {
            count: hits.length,
            hits: shown.map(function (h, i) {
              var e = chunks[i][h.d % size];
              return { e: e, snippet: snippet({ e: e, lower: e.text.toLowerCase() }, terms) };
            })
          } : null;
        });
      });
    });
  }
  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function mark(text, terms) {
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}_])(" + terms.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "giu");
    var out = "", last = 0, m;
    while ((m = pattern.exec(text))) {
      var start = m.index + m[1].length;
      out += escapeHTML(text.slice(last, start)) + "<mark>" + escapeHTML(m[2]) + "</mark>";
      last = start + m[2].length;
    }
    return out + escapeHTML(text.slice(last));
  }
  function snippet(x, terms) {
    var at = -1;
    terms.forEach(function (t) { var p = x.lower.indexOf(t); if (p >= 0 && (at < 0 || p < at)) at = p; });
    var start = Math.max(0, at - 60), text = x.e.text.slice(start, start + 180);
    return (start > 0 ? "…" : "") + mark(text, terms) + (start + 180 < x.e.text.length ? "…" : "");
  }
  function resultHTML(hit, terms, tag, id) {
    var e = hit.e;
    return "<" + tag + (id ? ' id="' + id + '" role="option" aria-selected="false"' : "") + '><a href="' + escapeHTML(e.url) + '">' +
      '<span class="sg-result-title">' + mark(e.title, terms) + "</span>" +
      (e.heading ? ' <span class="sg-result-section">› ' + mark(e.heading, terms) + "</span>" : "") +
      '<span class="sg-result-snippet">' + hit.snippet + "</span></a></" + tag + ">";
  }

  var input = document.getElementById("sg-search-input");
  var popup = document.getElementById("sg-search-popup");
  var list = document.getElementById("sg-search-list");
  var all = document.getElementById("sg-search-all");
  var active = -1;
  function close() {
    popup.hidden = true; input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant"); active = -1;
  }
  function setActive(index) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    active = (index + items.length) % items.length;
    Array.prototype.forEach.call(items, function (item, i) { item.setAttribute("aria-selected", String(i === active)); });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }
  function update() {
    var query = input.value.trim();
    if (!query) { close(); return; }
    var current = function () { return input.value.trim() === query; };
    find(query, 8, false, current).then(function (found) {
      if (!found || !current()) return;
      var terms = words(query), hits = found.hits;
      list.innerHTML = hits.length ? hits.map(function (h, i) { return resultHTML(h, terms, "li", "sg-result-" + i); }).join("")
        : '<li class="sg-no-results">No results for “' + escapeHTML(query) + "”</li>";
      all.href = script.getAttribute("data-search-page") + "?q=" + encodeURIComponent(query);
      popup.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1;
    });
  }
  if (input) {
    input.addEventListener("focus", load);
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); setActive(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        var link = list.querySelectorAll("[role=option] a")[active];
        if (link) window.location.href = link.href;
      }
    });
    document.addEventListener("click", function (event) { if (!popup.contains(event.target) && event.target !== input) close(); });
  }

  // Full results page.
  var page = document.getElementById("sg-search-results");
  if (page) {
    var field = document.getElementById("sg-search-query"), status = document.getElementById("sg-search-status");
    var latest = 0;
    var run = function (query) {
      var ticket = ++latest, current = function () { return ticket === latest; };
      find(query, 100, true, current).then(function (found) {
        if (!found || !current()) return;
        var terms = words(query), count = found.count;
        status.textContent = terms.length ? count + (count === 1 ? " result" : " results") + " for “" + query + "”" : "";
        page.innerHTML = found.hits.map(function (h) { return resultHTML(h, terms, "li"); }).join("");
      });
    };
    var initial = new URLSearchParams(window.location.search).get("q") || "";
    field.value = initial;
    if (initial) run(initial);
    field.addEventListener("input", function () { run(field.value); });
  }
})();

"""###,
        "assets/style.css": ###"""
/* sitegen default theme. Light and dark follow the system; data-theme on <html> overrides. */
:root {
  --bg: #ffffff; --fg: #1c2128; --muted: #57606a; --accent: #1f55c0; --line: #d8dee4;
  --code-bg: #f4f6f8; --chip: #eaf0fb; --focus: #b35900; --mark: #fff2a8; --popup: #ffffff;
  --k: #a12b5e; --s: #0a6b35; --c: #6a737d; --n: #005cc5; --b: #6f42c1; --a: #1a5f8a; --t: #953800; --v: #7d4e00;
  --note: #1f55c0; --tip: #1a7f37; --important: #8250df; --warning: #9a6700; --caution: #cf222e;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  color-scheme: light;
}
:root[data-theme="dark"] {
  --bg: #0f1419; --fg: #e6edf3; --muted: #9aa5b1; --accent: #82aaff; --line: #30363d;
  --code-bg: #161b22; --chip: #1c2533; --focus: #ffa657; --mark: #6b5a00; --popup: #161b22;
  --k: #ff7b9c; --s: #7ee787; --c: #8b949e; --n: #79c0ff; --b: #d2a8ff; --a: #79c0ff; --t: #ffa657; --v: #f2cc60;
  --note: #82aaff; --tip: #56d364; --important: #bc8cff; --warning: #e3b341; --caution: #ff7b72;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --bg: #0f1419; --fg: #e6edf3; --muted: #9aa5b1; --accent: #82aaff; --line: #30363d;
    --code-bg: #161b22; --chip: #1c2533; --focus: #ffa657; --mark: #6b5a00; --popup: #161b22;
    --k: #ff7b9c; --s: #7ee787; --c: #8b949e; --n: #79c0ff; --b: #d2a8ff; --a: #79c0ff; --t: #ffa657; --v: #f2cc60;
    --note: #82aaff; --tip: #56d364; --important: #bc8cff; --warning: #e3b341; --caution: #ff7b72;
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.65 var(--font); }
a { color: var(--accent); text-underline-offset: .15em; }
a:focus-visible, input:focus-visible, button:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.sg-skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; z-index: 10; }
.sg-skip:focus { left: .5rem; }
.sg-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.sg-header { display: flex; gap: .75rem 1rem; align-items: center; padding: .6rem 1.25rem; border-bottom: 1px solid var(--line); flex-wrap: wrap; position: relative; }
.sg-brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
.sg-search-form { flex: 1; min-width: 12rem; max-width: 30rem; position: relative; }
input[type="search"], .sg-search-input { width: 100%; padding: .45rem .65rem; font: inherit; border: 1px solid var(--muted); border-radius: 6px; background: var(--bg); color: var(--fg); }
button { font: inherit; color: var(--fg); background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: .35rem .7rem; cursor: pointer; }
.sg-theme-toggle { margin-left: auto; }
.sg-search-popup { position: absolute; top: calc(100% + .3rem); left: 0; right: 0; min-width: min(34rem, 92vw); z-index: 20; background: var(--popup); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.18); max-height: 70vh; overflow-y: auto; }
.sg-search-popup ul { list-style: none; margin: 0; padding: .25rem; }
.sg-search-popup li a { display: block; padding: .45rem .6rem; border-radius: 6px; text-decoration: none; color: var(--fg); }
.sg-search-popup li[aria-selected="true"] a, .sg-search-popup li a:hover { background: var(--chip); }
.sg-search-more { margin: 0; padding: .4rem .85rem; border-top: 1px solid var(--line); font-size: .9rem; }
.sg-no-results { padding: .5rem .6rem; color: var(--muted); }
.sg-result-title { font-weight: 600; }
.sg-result-section { color: var(--muted); font-size: .9rem; }
.sg-result-snippet { display: block; color: var(--muted); font-size: .88rem; }
mark { background: var(--mark); color: inherit; border-radius: 2px; }
.sg-layout { display: grid; grid-template-columns: 16rem minmax(0, 1fr); max-width: 84rem; margin: 0 auto; }
.sg-nav { padding: 1rem 1.25rem; border-right: 1px solid var(--line); font-size: .93rem; }
.sg-nav ul { list-style: none; margin: 0; padding-left: .9rem; }
.sg-nav > ul { padding-left: 0; }
.sg-nav li { margin: .2rem 0; }
.sg-nav a { text-decoration: none; color: var(--fg); }
.sg-nav a:hover { text-decoration: underline; }
.sg-nav .sg-current > a { font-weight: 700; color: var(--accent); }
.sg-nav .sg-ancestor > a { font-weight: 600; }
.sg-main { padding: 1rem 2rem 3rem; min-width: 0; }
.sg-article { max-width: 48rem; }
.sg-breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: 0 0 .5rem; font-size: .9rem; color: var(--muted); }
.sg-breadcrumbs li + li::before { content: "›"; margin-right: .35rem; }
.sg-meta { color: var(--muted); font-size: .9rem; margin-top: -.5rem; }
.sg-topics { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; }
.sg-chip { display: inline-block; padding: .1rem .65rem; border-radius: 999px; background: var(--chip); text-decoration: none; font-size: .85rem; }
.sg-toc { border-left: 3px solid var(--line); padding-left: 1rem; margin: 1rem 0; font-size: .92rem; }
.sg-toc-title { font-size: 1rem; margin: 0 0 .3rem; }
.sg-toc ul { margin: 0; padding-left: 1rem; }
.anchor { margin-left: .35rem; text-decoration: none; opacity: 0; }
.anchor::before { content: "#"; }
h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: .7; }
pre, code { font-family: var(--mono); font-size: .9em; }
pre { background: var(--code-bg); padding: .8rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.45; position: relative; }
:not(pre) > code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
.sg-copy { position: absolute; top: .4rem; right: .4rem; font-size: .75rem; padding: .1rem .5rem; opacity: .8; }
.hl-k { color: var(--k); } .hl-s { color: var(--s); } .hl-c { color: var(--c); font-style: italic; }
.hl-n { color: var(--n); } .hl-b { color: var(--b); } .hl-a { color: var(--a); } .hl-t { color: var(--t); font-weight: 600; }
.hl-v { color: var(--v); } .hl-d { color: var(--b); } .hl-p { color: var(--c); user-select: none; } .hl-f { color: var(--b); font-weight: 600; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .35rem .7rem; }
blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
.callout { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid var(--note); background: var(--code-bg); border-radius: 0 6px 6px 0; }
.callout-title { font-weight: 700; margin: .2rem 0; color: var(--note); }
.callout-tip { border-color: var(--tip); } .callout-tip .callout-title { color: var(--tip); }
.callout-important { border-color: var(--important); } .callout-important .callout-title { color: var(--important); }
.callout-warning { border-color: var(--warning); } .callout-warning .callout-title { color: var(--warning); }
.callout-caution { border-color: var(--caution); } .callout-caution .callout-title { color: var(--caution); }
img { max-width: 100%; height: auto; }
.sg-cards { list-style: none; padding: 0; display: grid; gap: .75rem; }
.sg-cards li { border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; }
.sg-cards li > a { font-weight: 600; }
.sg-cards p { margin: .3rem 0 0; color: var(--muted); }
.sg-count { color: var(--muted); font-size: .85rem; }
.sg-related ul { padding-left: 1.2rem; }
.sg-pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 2rem; border-top: 1px solid var(--line); padding-top: 1rem; }
.sg-pager a { text-decoration: none; }
.sg-pager span { display: block; font-size: .8rem; color: var(--muted); }
.sg-next { margin-left: auto; text-align: right; }
.sg-footer { border-top: 1px solid var(--line); padding: 1rem 1.25rem; color: var(--muted); font-size: .85rem; text-align: center; }
.sg-search-row { display: flex; gap: .5rem; margin-top: .3rem; }
.sg-results { padding-left: 1.2rem; }
.sg-results li { margin-bottom: 1rem; }
.sg-results a { text-decoration: none; }
@media (max-width: 48rem) {
  .sg-layout { grid-template-columns: 1fr; }
  .sg-nav { border-right: 0; border-bottom: 1px solid var(--line); order: 2; }
  .sg-main { padding: 1rem; }
  .sg-search-form { order: 3; flex-basis: 100%; max-width: none; }
}
@media print {
  .sg-header, .sg-nav, .sg-footer, .sg-pager, .sg-toc, .anchor, .sg-skip, .sg-copy, .sg-edit { display: none; }
  .sg-layout { display: block; }
  body { background: #fff; color: #000; }
  a { color: inherit; }
  pre { white-space: pre-wrap; border: 1px solid #ccc; }
}

"""###,
        "base.mustache": ###"""
<!doctype html>
<html lang="{{site.language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{$title}}{{page.title}} · {{site.title}}{{/title}}</title>
{{#page.summary}}<meta name="description" content="{{page.summary}}">
{{/page.summary}}{{#page.canonicalURL}}<link rel="canonical" href="{{page.canonicalURL}}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{{site.title}}">
<meta property="og:title" content="{{page.title}}">
<meta property="og:url" content="{{page.canonicalURL}}">
{{#page.summary}}<meta property="og:description" content="{{page.summary}}">
{{/page.summary}}{{/page.canonicalURL}}{{#feedURL}}<link rel="alternate" type="application/atom+xml" title="{{site.title}}" href="{{feedURL}}">
{{/feedURL}}<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="{{asset.style_css}}">
<link rel="icon" href="{{asset.favicon_svg}}" type="image/svg+xml">
<script>try{var t=localStorage.getItem("sg-theme");if(t==="dark"||t==="light")document.documentElement.setAttribute("data-theme",t)}catch(e){}</script>
<script src="{{asset.site_js}}" data-index="{{searchIndexURL}}" data-search-page="{{searchURL}}" defer></script>
</head>
<body>
<a class="sg-skip" href="#sg-main">Skip to content</a>
{{>header}}
<div class="sg-layout">
<nav id="sg-nav" class="sg-nav" aria-label="Site">
{{>nav}}
</nav>
<main id="sg-main" class="sg-main">
{{$main}}{{/main}}
</main>
</div>
{{>footer}}
</body>
</html>

"""###,
        "breadcrumbs.mustache": ###"""
{{#page.hasBreadcrumbs}}<nav class="sg-breadcrumbs" aria-label="Breadcrumbs"><ol>{{#page.breadcrumbs}}<li><a href="{{url}}">{{title}}</a></li>{{/page.breadcrumbs}}<li aria-current="page">{{page.title}}</li></ol></nav>{{/page.hasBreadcrumbs}}

"""###,
        "footer.mustache": ###"""
<footer class="sg-footer">
<p>{{site.title}}{{#site.author}} · {{site.author}}{{/site.author}} · Built with sitegen</p>
</footer>

"""###,
        "header.mustache": ###"""
<header class="sg-header">
<a class="sg-brand" href="{{homeURL}}">{{site.title}}</a>
<form class="sg-search-form" role="search" action="{{searchURL}}" method="get">
<label class="sg-visually-hidden" for="sg-search-input">Search {{site.title}}</label>
<input id="sg-search-input" class="sg-search-input" type="text" name="q" placeholder="Search" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="sg-search-list">
<div id="sg-search-popup" class="sg-search-popup" hidden><ul id="sg-search-list" role="listbox" aria-label="Search results"></ul><p class="sg-search-more"><a id="sg-search-all" href="{{searchURL}}">All results</a></p></div>
</form>
<a class="sg-header-link" href="{{topicsURL}}">Topics</a>
<button id="sg-theme-toggle" class="sg-theme-toggle" type="button" aria-pressed="false" hidden>Dark mode</button>
</header>

"""###,
        "home.mustache": ###"""
{{<base}}
{{$title}}{{site.title}}{{/title}}
{{$main}}
<article class="sg-article sg-home">
<h1>{{page.title}}</h1>
<div class="sg-content">
{{{page.content}}}
</div><!-- /sg-content -->
{{#page.hasChildren}}<ul class="sg-cards">
{{#page.children}}<li><a href="{{url}}">{{title}}</a><p>{{summary}}</p></li>
{{/page.children}}</ul>{{/page.hasChildren}}
</article>
{{/main}}
{{/base}}

"""###,
        "nav-item.mustache": ###"""
<li{{#current}} class="sg-current"{{/current}}{{#ancestor}} class="sg-ancestor"{{/ancestor}}><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{#hasChildren}}
<ul>
{{{childrenHTML}}}{{#more}}<li><a class="sg-more" href="{{more}}">All pages in this section…</a></li>{{/more}}
</ul>{{/hasChildren}}</li>

"""###,
        "nav.mustache": ###"""
<ul class="sg-nav-list">
<li><a href="{{homeURL}}">Home</a></li>
{{{navHTML}}}
</ul>

"""###,
        "page-footer.mustache": ###"""
{{#page.hasRelated}}<aside class="sg-related" aria-labelledby="sg-related-title">
<h2 id="sg-related-title">Related notes</h2>
<ul>{{#page.related}}<li><a href="{{url}}">{{title}}</a></li>{{/page.related}}</ul>
</aside>{{/page.hasRelated}}
<nav class="sg-pager" aria-label="Previous and next">
{{#page.previous}}<a class="sg-prev" rel="prev" href="{{url}}"><span>Previous</span> {{title}}</a>{{/page.previous}}
{{#page.next}}<a class="sg-next" rel="next" href="{{url}}"><span>Next</span> {{title}}</a>{{/page.next}}
</nav>
{{#page.editURL}}<p class="sg-edit"><a href="{{page.editURL}}">Edit this page</a></p>{{/page.editURL}}

"""###,
        "page-meta.mustache": ###"""
<p class="sg-meta">{{page.readingTime}} min read{{#page.updated}} · Updated <time datetime="{{page.updatedISO}}">{{page.updated}}</time>{{/page.updated}}{{^page.updated}}{{#page.date}} · <time datetime="{{page.dateISO}}">{{page.date}}</time>{{/page.date}}{{/page.updated}}</p>
{{#page.hasTopics}}<ul class="sg-topics" aria-label="Topics">{{#page.topics}}<li><a class="sg-chip" href="{{url}}">{{title}}</a></li>{{/page.topics}}</ul>{{/page.hasTopics}}

"""###,
        "page.mustache": ###"""
{{<base}}
{{$main}}
<article class="sg-article">
{{>breadcrumbs}}
<h1>{{page.title}}</h1>
{{>page-meta}}
{{>toc}}
<div class="sg-content">
{{{page.content}}}
</div><!-- /sg-content -->
{{>page-footer}}
</article>
{{/main}}
{{/base}}

"""###,
        "search.mustache": ###"""
{{<base}}
{{$main}}
<article class="sg-article">
<h1>Search</h1>
<form class="sg-search-page" role="search" action="{{searchURL}}" method="get">
<label for="sg-search-query">Search the site</label>
<div class="sg-search-row"><input id="sg-search-query" type="search" name="q" autocomplete="off"><button type="submit">Search</button></div>
</form>
<p id="sg-search-status" role="status"></p>
<ol id="sg-search-results" class="sg-results"></ol>
<noscript><p>Search needs JavaScript. Browse the <a href="{{topicsURL}}">topics</a> instead.</p></noscript>
</article>
{{/main}}
{{/base}}

"""###,
        "section.mustache": ###"""
{{<base}}
{{$main}}
<article class="sg-article">
{{>breadcrumbs}}
<h1>{{page.title}}</h1>
{{>page-meta}}
<div class="sg-content">
{{{page.content}}}
</div><!-- /sg-content -->
{{#page.hasChildren}}<ul class="sg-cards">
{{#page.children}}<li><a href="{{url}}">{{title}}</a><p>{{summary}}</p></li>
{{/page.children}}</ul>{{/page.hasChildren}}
{{>page-footer}}
</article>
{{/main}}
{{/base}}

"""###,
        "toc.mustache": ###"""
{{#page.hasToc}}<nav id="sg-toc" class="sg-toc" aria-label="On this page">
<h2 class="sg-toc-title">On this page</h2>
<ul>
{{#page.toc}}<li><a href="#{{id}}">{{title}}</a>{{#hasChildren}}<ul>{{#children}}<li><a href="#{{id}}">{{title}}</a></li>{{/children}}</ul>{{/hasChildren}}</li>
{{/page.toc}}</ul>
</nav>{{/page.hasToc}}

"""###,
        "topic.mustache": ###"""
{{<base}}
{{$main}}
<article class="sg-article">
<nav class="sg-breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="{{topicsURL}}">Topics</a></li><li aria-current="page">{{topic.title}}</li></ol></nav>
<h1>{{topic.title}}</h1>
{{#topic.description}}<p class="sg-lead">{{topic.description}}</p>{{/topic.description}}
<ul class="sg-cards">
{{#topic.pages}}<li><a href="{{url}}">{{title}}</a><p>{{summary}}</p></li>
{{/topic.pages}}</ul>
</article>
{{/main}}
{{/base}}

"""###,
        "topics.mustache": ###"""
{{<base}}
{{$main}}
<article class="sg-article">
<h1>Topics</h1>
{{#hasTopics}}<ul class="sg-cards">
{{#topics}}<li><a href="{{url}}">{{title}}</a> <span class="sg-count">{{countLabel}}</span>{{#description}}<p>{{description}}</p>{{/description}}</li>
{{/topics}}</ul>{{/hasTopics}}
{{^hasTopics}}<p>No page declares a topic yet.</p>{{/hasTopics}}
</article>
{{/main}}
{{/base}}

"""###,
    ]
}
