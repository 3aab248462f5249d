/* "In trang này": the button prints the page (no inline onclick: CSP script-src 'self').
 * Without JavaScript the button stays hidden; the browser's own Print does the same. */
(function () {
  "use strict";
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
}());
