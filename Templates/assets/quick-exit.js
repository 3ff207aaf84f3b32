// Quick exit: leave for a neutral site at once, replacing this page in the history,
// from the button or by pressing Shift three times within two seconds.
(function () {
  "use strict";
  var button = document.getElementById("quick-exit");
  if (!button) return;
  var target = button.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.style.display = "none";
    document.title = "";
    window.location.replace(target);
  }

  button.addEventListener("click", leave);

  // Anything a reader jumps or tabs to stops below the sticky bar: site.css pads scrolling by its height.
  var bar = button.closest ? button.closest(".quick-exit") : null;
  function measure() {
    if (bar && bar.offsetHeight) document.documentElement.style.setProperty("--quick-exit-space", bar.offsetHeight + "px");
  }
  measure();
  if (bar && window.ResizeObserver) new ResizeObserver(measure).observe(bar);
  else window.addEventListener("resize", measure);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
