/* The dossier's action form: show only the inputs the chosen action needs.
 *
 * Each input's wrapper lists, in data-for, the actions that use it (defined once in
 * dossiers/views/dossier.py ACTION_INPUTS).  Without JavaScript every input shows and
 * the server ignores what an action does not take.
 */
(function () {
  "use strict";
  var form = document.getElementById("transition");
  if (!form) { return; }
  var select = form.querySelector("select[name=action]");
  function fit() {
    form.querySelectorAll(".action-input").forEach(function (box) {
      var wanted = (box.getAttribute("data-for") || "").split(" ");
      box.hidden = wanted.indexOf(select.value) === -1;
    });
  }
  select.addEventListener("change", fit);
  fit();
}());
