/* The form editor: show each field only the settings its type needs.
 *
 * The page lists, in data-setting-types on #form-editor, which field types each
 * optional setting applies to (eforms/schema.py SETTING_TYPES, defined there once).
 * A field's setting rows (deform's .item-<setting>) are hidden for other types and
 * shown again when the type changes.  Without JavaScript every row shows, and the
 * server ignores blank ones and refuses the ones that do not fit.
 */
(function () {
  "use strict";
  var editor = document.getElementById("form-editor");
  if (!editor) { return; }
  var needs = JSON.parse(editor.getAttribute("data-setting-types") || "{}");

  function fieldOf(select) {
    return select.closest(".deform-seq-item") || select.closest("fieldset");
  }

  function fit(select) {
    var field = fieldOf(select);
    if (!field) { return; }
    Object.keys(needs).forEach(function (setting) {
      var show = needs[setting].indexOf(select.value) !== -1;
      field.querySelectorAll(".item-" + setting).forEach(function (row) {
        if (fieldOf(row) !== field) { return; }   /* a setting of a nested row */
        row.hidden = !show;
      });
    });
  }

  function fitAll() {
    editor.querySelectorAll(".item-type select").forEach(fit);
  }

  editor.addEventListener("change", function (event) {
    if (event.target.matches(".item-type select")) { fit(event.target); }
  });
  /* deform adds a field's rows when "Thêm trường" is clicked: fit the new ones too. */
  new MutationObserver(fitAll).observe(editor, {childList: true, subtree: true});
  fitAll();
}());
