(function () {
  "use strict";
  // Old links keep working: when the address names an id that this page keeps for a
  // section now elsewhere (a forwarding anchor, or an entry of the contents page's map),
  // go to the section's place. See specdiff/publish/_documents.py.
  var map = {};
  var data = document.getElementById("sd-anchor-map");
  if (data) {
    try { map = JSON.parse(data.textContent); } catch (error) { map = {}; }
  }

  function follow() {
    var hash = window.location.hash.slice(1);
    if (!hash) { return; }
    var ident = hash;
    try { ident = decodeURIComponent(hash); } catch (error) { ident = hash; }
    var element = document.getElementById(ident);
    var target = null;
    if (element && element.classList.contains("forward")) {
      target = element.getAttribute("href");
    } else if (!element && Object.prototype.hasOwnProperty.call(map, ident)) {
      target = map[ident];
    }
    if (target) {
      window.location.replace(new URL(target, window.location.href).href);
    }
  }

  follow();
  window.addEventListener("hashchange", follow);
})();
