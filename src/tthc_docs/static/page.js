/* Small behaviours of any page, from a file: the Content-Security-Policy allows no inline
 * script and no on* attribute (script-src 'self'), so the templates mark elements instead.
 *
 *   <button type="button" data-print>      prints the page
 *   <form data-no-submit>                  a form shown as a preview: never sent
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-print]") : null;
    if (target) { event.preventDefault(); window.print(); }
  });
  document.addEventListener("submit", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-no-submit")) {
      event.preventDefault();
    }
  });
}());
