// Network page: the date slider picks the "as of" date; the server redraws the network then.
(function () {
  var slider = document.getElementById("as-of-slider");
  if (!slider) { return; }
  var label = document.getElementById("as-of-label");
  var dates = JSON.parse(slider.getAttribute("data-dates"));
  slider.addEventListener("input", function () { label.textContent = dates[slider.value]; });
  slider.addEventListener("change", function () {
    var url = new URL(window.location.href);
    url.searchParams.set("at", dates[slider.value]);
    window.location.href = url.toString();
  });
})();
