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

  // Search.
  var entries = null, loading = null;
  function load() {
    if (!loading) {
      loading = fetch(indexURL).then(function (r) { return r.json(); }).then(function (data) {
        entries = data.map(function (e) {
          return { e: e, title: words(e.title), heading: words(e.heading), text: words(e.text), lower: e.text.toLowerCase() };
        });
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
  function search(query) {
    var terms = words(query), hits = [];
    if (!terms.length || !entries) return hits;
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
    return hits.map(function (h) { return { e: h.x.e, snippet: snippet(h.x, terms) }; });
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
    load().then(function () {
      if (input.value.trim() !== query) return;
      var terms = words(query), hits = search(query).slice(0, 8);
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
    var run = function (query) {
      load().then(function () {
        var terms = words(query), hits = search(query);
        status.textContent = terms.length ? hits.length + (hits.length === 1 ? " result" : " results") + " for “" + query + "”" : "";
        page.innerHTML = hits.slice(0, 100).map(function (h) { return resultHTML(h, terms, "li"); }).join("");
      });
    };
    var initial = new URLSearchParams(window.location.search).get("q") || "";
    field.value = initial;
    if (initial) run(initial);
    field.addEventListener("input", function () { run(field.value); });
  }
})();
