/* Tables on a phone are stacked rows (site.css): give each cell its column's name.
 *
 * Each <td> gets data-label from its column's <th> in the table's <thead>, which the
 * stylesheet shows before the value when the table is stacked.  Without JavaScript the
 * rows stack all the same, without the names.
 */
(function () {
  "use strict";
  document.querySelectorAll("main table").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    if (!heads.length) { return; }
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        var head = heads[i];
        if (cell.tagName === "TD" && head && head.textContent.trim() && !cell.hasAttribute("data-label")) {
          cell.setAttribute("data-label", head.textContent.trim());
        }
      });
    });
  });
}());
