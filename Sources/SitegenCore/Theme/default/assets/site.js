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
