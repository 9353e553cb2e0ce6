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
