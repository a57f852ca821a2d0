// sitegen serve: live reload. Added to HTML pages as they are served, never written to output/.
// Listens to /__sitegen/events (server-sent events): "reload" reloads the page, "css" swaps the
// changed stylesheets in place, and every event carries the build errors shown as an overlay.
(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = Number(script.getAttribute("data-epoch")) || 0;
  var server = script.getAttribute("data-server");
  var OVERLAY_ID = "__sitegen-overlay";

  function showErrors(errors) {
    var box = document.getElementById(OVERLAY_ID);
    if (!errors || errors.length === 0) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = OVERLAY_ID;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;" +
        "z-index:2147483647;background:#2b0b0b;color:#ffe9e9;border:2px solid #e5484d;" +
        "border-radius:6px;padding:1rem;font:14px/1.5 ui-monospace,monospace;" +
        "box-shadow:0 4px 24px rgba(0,0,0,.4)";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var title = document.createElement("strong");
    title.textContent = "sitegen: the build failed; showing the last good pages";
    box.appendChild(title);
    var list = document.createElement("pre");
    list.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap";
    list.textContent = errors.join("\n");
    box.appendChild(list);
  }

  function swapStylesheets(paths) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    var swapped = 0;
    links.forEach(function (link) {
      var url = new URL(link.getAttribute("href"), document.baseURI);
      if (url.origin === location.origin && paths.indexOf(url.pathname) !== -1) {
        url.searchParams.set("sitegen", String(Date.now()));
        link.href = url.pathname + url.search;
        swapped += 1;
      }
    });
    return swapped;
  }

  function handle(data) {
    if (data.epoch > epoch) epoch = data.epoch;
    showErrors(data.errors);
  }

  var source = new EventSource("/__sitegen/events?since=" + epoch);
  source.addEventListener("hello", function (e) {
    var data = JSON.parse(e.data);
    if (server && data.server !== server) { location.reload(); return; }
    showErrors(data.errors);
  });
  source.addEventListener("reload", function () { source.close(); location.reload(); });
  source.addEventListener("css", function (e) {
    var data = JSON.parse(e.data);
    handle(data);
    swapStylesheets(data.css);
  });
  source.addEventListener("status", function (e) { handle(JSON.parse(e.data)); });
  window.__sitegen = { showErrors: showErrors, swapStylesheets: swapStylesheets };
})();
