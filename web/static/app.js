// newsdex: small enhancements; every page works without them.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Changing the sort order or the named-speakers box re-runs the search at once.
  document.querySelectorAll("[data-autosubmit]").forEach(function (sel) {
    sel.addEventListener("change", function () {
      if (sel.form) {
        sel.form.requestSubmit ? sel.form.requestSubmit() : sel.form.submit();
      }
    });
  });
  // "/" focuses the search box, as on many search sites.
  var q = document.getElementById("q");
  if (q) {
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        q.focus();
        q.select();
      }
    });
  }
});
