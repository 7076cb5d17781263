(function () {
  "use strict";
  // The search page: reads api/search.json (see specdiff/publish/_search.py) and lists
  // the clauses that hold every word asked for. Spec text only ever goes in as text.
  var form = document.querySelector("form.search-form");
  if (!form) { return; }
  var query = form.elements.namedItem("q");
  var only = form.elements.namedItem("v");
  var notice = document.querySelector(".search-notice");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var LIMIT = 50;
  var index = null;
  var folded = null;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function say(text) {
    notice.textContent = text;
    notice.hidden = false;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // The text around the first word found, with every word found marked.
  function snippet(text, words) {
    var low = fold(text);
    var first = low.indexOf(words[0]);
    var start = Math.max(0, first - 80);
    var end = Math.min(text.length, start + 260);
    var space = text.indexOf(" ", start);
    if (start > 0 && space !== -1 && space < first) { start = space + 1; }
    space = text.lastIndexOf(" ", end);
    if (end < text.length && space > first) { end = space; }
    var node = element("p", "snippet");
    var piece = text.slice(start, end);
    var lowPiece = low.slice(start, end);
    var at = 0;
    while (at < piece.length) {
      var next = -1;
      var length = 0;
      words.forEach(function (word) {
        var found = lowPiece.indexOf(word, at);
        if (found !== -1 && (next === -1 || found < next)) { next = found; length = word.length; }
      });
      if (next === -1) { break; }
      node.appendChild(document.createTextNode(piece.slice(at, next)));
      node.appendChild(element("mark", "", piece.slice(next, next + length)));
      at = next + length;
    }
    node.appendChild(document.createTextNode(piece.slice(at)));
    if (start > 0) { node.insertBefore(document.createTextNode("… "), node.firstChild); }
    if (end < text.length) { node.appendChild(document.createTextNode(" …")); }
    return node;
  }

  function result(entry, version, words) {
    var section = index.sections[entry[1]];
    var versions = index.versions;
    var item = element("li", "search-result");
    var head = element("p", "result-head");
    var link = element("a", "", section[1]);
    link.href = versions[version].page + "#" + encodeURIComponent(section[0]);
    head.appendChild(link);
    var where = "in " + versions[version].label;
    if (only.value === "") {
      var others = entry[2].length - 1;
      if (entry[2].length === versions.length && versions.length > 1) {
        where = "in every version";
      } else if (others > 0) {
        where += " and " + others + " older version" + (others > 1 ? "s" : "");
      }
    }
    head.appendChild(element("span", "muted", " · " + (entry[3] ? "section " : "") + where));
    item.appendChild(head);
    if (!entry[3]) { item.appendChild(snippet(entry[0], words)); }
    return item;
  }

  function run() {
    var words = fold(query.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var wanted = -1;
    index.versions.forEach(function (v, i) { if (v.label === only.value) { wanted = i; } });
    var hits = [];
    index.entries.forEach(function (entry, i) {
      var version = wanted === -1 ? entry[2][0] : (entry[2].indexOf(wanted) === -1 ? -1 : wanted);
      if (version === -1) { return; }
      for (var w = 0; w < words.length; w++) {
        if (folded[i].indexOf(words[w]) === -1) { return; }
      }
      hits.push([entry[3] ? 0 : 1, version, i]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    hits.slice(0, LIMIT).forEach(function (hit) {
      list.appendChild(result(index.entries[hit[2]], hit[1], words));
    });
    var count = hits.length === 1 ? "1 match" : hits.length + " matches";
    status.textContent = hits.length > LIMIT ? count + "; the first " + LIMIT + " are shown." : count + ".";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!index) { return; }
    var params = new URLSearchParams();
    params.set("q", query.value);
    if (only.value) { params.set("v", only.value); }
    history.replaceState(null, "", "?" + params.toString());
    run();
  });

  var asked = new URLSearchParams(window.location.search);
  query.value = asked.get("q") || "";
  only.value = asked.get("v") || "";
  if (only.selectedIndex === -1) { only.value = ""; }

  if (window.location.protocol === "file:") {
    say("Search needs the site to be served: opened from a file, the browser does not let " +
        "this page read its search index. Run specdiff serve (or put the site on any web " +
        "host) and open this page from there.");
    return;
  }
  status.textContent = "Loading the search index…";
  fetch(form.getAttribute("data-index"))
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (data) {
      index = data;
      folded = data.entries.map(function (entry) { return fold(entry[0]); });
      status.textContent = "";
      run();
    })
    .catch(function (error) {
      status.textContent = "";
      say("The search index could not be read (" + error.message + "). Search needs the " +
          "site to be served, with api/search.json beside this page: run specdiff serve.");
    });
})();
