// Article page: clicking a record scrolls to its evidence sentence and marks it.
// Links already point at the sentence's anchor (works without JS); this adds the marking.
(function () {
  function activate(ref) {
    document.querySelectorAll("mark.hl.active").forEach(function (m) { m.classList.remove("active"); });
    var marks = document.querySelectorAll('mark.hl[data-refs~="' + ref + '"]');
    marks.forEach(function (m) { m.classList.add("active"); });
    if (marks.length) { marks[0].scrollIntoView({ behavior: "smooth", block: "center" }); }
    return marks.length;
  }
  document.addEventListener("click", function (e) {
    var link = e.target.closest("a.record[data-ref]");
    if (!link) { return; }
    if (activate(link.getAttribute("data-ref"))) {
      e.preventDefault();
      history.replaceState(null, "", link.getAttribute("href"));
    }
  });
})();
