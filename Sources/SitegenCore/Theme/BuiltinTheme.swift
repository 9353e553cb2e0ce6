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
        "assets/search.js": ###"""
// Plain search over search.json: loaded on first use, results escaped, no dependencies.
(function () {
  "use strict";
  var script = document.currentScript;
  var indexURL = script && script.getAttribute("data-index");
  var input = document.getElementById("sg-search-query");
  var list = document.getElementById("sg-search-results");
  var status = document.getElementById("sg-search-status");
  if (!indexURL || !input || !list) return;
  var entries = null;

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function score(entry, terms) {
    var title = entry.title.toLowerCase(), heading = entry.heading.toLowerCase();
    var text = entry.text.toLowerCase(), total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (title.indexOf(t) >= 0) s += 10;
      if (heading.indexOf(t) >= 0) s += 5;
      if (text.indexOf(t) >= 0) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function show(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) { list.innerHTML = ""; status.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var s = score(entries[i], terms);
      if (s > 0) hits.push({ s: s, e: entries[i], i: i });
    }
    hits.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results");
    list.innerHTML = hits.slice(0, 50).map(function (h) {
      var e = h.e, at = e.text.toLowerCase().indexOf(terms[0]);
      var snippet = e.text.substr(Math.max(0, at - 60), 180);
      return '<li><a href="' + escapeHTML(e.url) + '">' + escapeHTML(e.title) + "</a>" +
        (e.heading ? ' <span class="sg-section">› ' + escapeHTML(e.heading) + "</span>" : "") +
        "<p>" + escapeHTML(snippet) + "</p></li>";
    }).join("");
  }

  function load(then) {
    if (entries) return then();
    fetch(indexURL).then(function (r) { return r.json(); }).then(function (data) {
      entries = data; then();
    }).catch(function () { status.textContent = "The search index could not be loaded."; });
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  if (initial) load(function () { show(initial); });
  input.addEventListener("input", function () { load(function () { show(input.value); }); });
})();

"""###,
        "assets/style.css": ###"""
:root {
  --bg: #ffffff; --fg: #1c2128; --muted: #57606a; --accent: #2457c5; --line: #d8dee4;
  --code-bg: #f4f6f8; --chip: #eef2fb; --focus: #e36209;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1419; --fg: #e6edf3; --muted: #9aa5b1; --accent: #7aa7ff; --line: #30363d;
    --code-bg: #161b22; --chip: #1c2533; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.6 var(--font); }
a { color: var(--accent); }
a:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.sg-skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; }
.sg-skip:focus { left: .5rem; }
.sg-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.sg-header { display: flex; gap: 1rem; align-items: center; padding: .6rem 1.25rem; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
.sg-brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
.sg-search-form { flex: 1; min-width: 10rem; max-width: 28rem; }
.sg-search-form input, .sg-search-page input { width: 100%; padding: .4rem .6rem; font: inherit; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.sg-layout { display: grid; grid-template-columns: 16rem minmax(0, 1fr); max-width: 80rem; margin: 0 auto; }
.sg-nav { padding: 1rem 1.25rem; border-right: 1px solid var(--line); font-size: .93rem; }
.sg-nav ul { list-style: none; margin: 0; padding-left: .9rem; }
.sg-nav > ul { padding-left: 0; }
.sg-nav li { margin: .2rem 0; }
.sg-nav a { text-decoration: none; color: var(--fg); }
.sg-nav .sg-current > a { font-weight: 700; color: var(--accent); }
.sg-main { padding: 1rem 2rem 3rem; min-width: 0; }
.sg-article { max-width: 48rem; }
.sg-breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: 0 0 .5rem; font-size: .9rem; color: var(--muted); }
.sg-breadcrumbs li + li::before { content: "›"; margin-right: .35rem; }
.sg-meta { color: var(--muted); font-size: .9rem; margin-top: -.5rem; }
.sg-topics { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; }
.sg-chip { display: inline-block; padding: .1rem .6rem; border-radius: 999px; background: var(--chip); text-decoration: none; font-size: .85rem; }
.sg-toc { border-left: 3px solid var(--line); padding-left: 1rem; margin: 1rem 0; font-size: .92rem; }
.sg-toc-title { font-size: 1rem; margin: 0 0 .3rem; }
.sg-toc ul { margin: 0; padding-left: 1rem; }
.sg-content h2, .sg-content h3, .sg-content h4 { position: relative; }
.anchor { margin-left: .35rem; text-decoration: none; opacity: 0; }
.anchor::before { content: "#"; }
h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: .6; }
pre, code { font-family: var(--mono); font-size: .9em; }
pre { background: var(--code-bg); padding: .8rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.45; }
:not(pre) > code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .35rem .7rem; }
blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
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
.sg-results { padding-left: 1.2rem; }
.sg-results li { margin-bottom: 1rem; }
.sg-results .sg-section { color: var(--muted); font-size: .9rem; }
@media (max-width: 48rem) {
  .sg-layout { grid-template-columns: 1fr; }
  .sg-nav { border-right: 0; border-bottom: 1px solid var(--line); }
  .sg-main { padding: 1rem; }
}
@media print {
  .sg-header, .sg-nav, .sg-footer, .sg-pager, .sg-toc, .anchor, .sg-skip { display: none; }
  .sg-layout { display: block; }
  a { color: inherit; }
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
<label class="sg-visually-hidden" for="sg-search-input">Search</label>
<input id="sg-search-input" type="search" name="q" placeholder="Search" autocomplete="off">
</form>
<a class="sg-header-link" href="{{topicsURL}}">Topics</a>
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
</div>
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
{{#children}}{{>nav-item}}{{/children}}{{#more}}<li><a class="sg-more" href="{{more}}">All pages in this section…</a></li>{{/more}}
</ul>{{/hasChildren}}</li>

"""###,
        "nav.mustache": ###"""
<ul class="sg-nav-list">
<li><a href="{{homeURL}}">Home</a></li>
{{#nav}}{{>nav-item}}{{/nav}}
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
</div>
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
<input id="sg-search-query" type="search" name="q" autocomplete="off">
<button type="submit">Search</button>
</form>
<p id="sg-search-status" role="status"></p>
<ol id="sg-search-results" class="sg-results"></ol>
<noscript><p>Search needs JavaScript. Browse the <a href="{{topicsURL}}">topics</a> instead.</p></noscript>
</article>
<script src="{{asset.search_js}}" data-index="{{root}}search.json"></script>
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
</div>
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
