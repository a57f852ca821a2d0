/* sitegen search: filters the index that search/index.js sets as window.SITEGEN_SEARCH.
   No network requests, so it also works when the site is opened from disk. */
(function () {
  "use strict";
  var LIMIT = 20;
  var data = window.SITEGEN_SEARCH;
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  if (!data || !input || !status || !results) { return; }
  var root = results.getAttribute("data-root") || "";

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function group(title, items, toEntry) {
    return { title: title, entries: items.map(function (item) {
      var entry = toEntry(item);
      entry.hay = fold(entry.label + " " + entry.detail + " " + (entry.extra || ""));
      return entry;
    }) };
  }

  var groups = [
    group("People", data.people || [], function (p) {
      return { label: p.n, detail: [p.r, p.a].filter(Boolean).join(" · "), href: p.u };
    }),
    group("Articles", data.articles || [], function (a) {
      return { label: a.t, detail: a.s, extra: a.d, href: a.u };
    }),
    group("Quotes", data.quotes || [], function (q) {
      return { label: "\u201c" + q.t + "\u201d", detail: (q.s ? "\u2014 " + q.s + ", " : "") + "in " + q.d,
               href: q.u };
    })
  ];

  function matches(entry, terms) {
    for (var i = 0; i < terms.length; i++) {
      if (entry.hay.indexOf(terms[i]) < 0) { return false; }
    }
    return true;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function show(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var total = 0;
    groups.forEach(function (g) {
      var found = g.entries.filter(function (e) { return matches(e, terms); });
      if (!found.length) { return; }
      total += found.length;
      var section = el("section", "search-group");
      section.appendChild(el("h2", "", g.title + " (" + found.length + ")"));
      var list = el("ul", "search-list");
      found.slice(0, LIMIT).forEach(function (e) {
        var item = el("li");
        var link = el("a", "", e.label);
        link.href = root + e.href;
        item.appendChild(link);
        if (e.detail) { item.appendChild(el("p", "meta", e.detail)); }
        list.appendChild(item);
      });
      section.appendChild(list);
      if (found.length > LIMIT) {
        section.appendChild(el("p", "meta", "and " + (found.length - LIMIT) + " more: add a word to narrow the search."));
      }
      results.appendChild(section);
    });
    status.textContent = total ? total + (total === 1 ? " result" : " results") + " for \u201c" + query + "\u201d"
                               : "Nothing found for \u201c" + query + "\u201d";
  }

  function remember(query) {
    try {
      var url = new URL(window.location.href);
      if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url.toString());
    } catch (e) { /* file:// pages may refuse; the search still works */ }
  }

  var timer = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { show(input.value); remember(input.value); }, 120);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    remember(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  show(initial);
  input.focus();
})();
