(function () {
  "use strict";
  var forms = document.querySelectorAll("form.compare-form");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function (event) {
      var from = form.elements.namedItem("from");
      var to = form.elements.namedItem("to");
      var status = form.querySelector(".form-status");
      var a = from.options[from.selectedIndex];
      var b = to.options[to.selectedIndex];
      var i = Number(a.getAttribute("data-index"));
      var j = Number(b.getAttribute("data-index"));
      event.preventDefault();
      if (i === j) {
        status.textContent = "Pick two different versions.";
        return;
      }
      if (i > j) {
        var swap = a; a = b; b = swap;
        var k = i; i = j; j = k;
      }
      if (form.getAttribute("data-all") !== "yes" && j - i !== 1) {
        status.textContent = "Only consecutive versions have a compare page in this history.";
        return;
      }
      window.location.href = form.getAttribute("data-base") + a.value + ".." + b.value + ".html";
    });
  });
})();
