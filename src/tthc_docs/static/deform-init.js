/* What deform's inline scripts and onclick attributes did, from a file, so
 * that the Content-Security-Policy can forbid inline script (script-src 'self').
 * templates/deform/sequence.pt and sequence_item.pt mark their buttons with
 * data-deform-action; the sequence's limits are the attributes deform already
 * puts on its .deform-insert-before span.
 */
(function ($) {
  "use strict";

  function limits($seq) {
    var $before = $seq.find(".deform-insert-before").last();
    function n(name, fallback) { return parseInt($before.attr(name) || fallback, 10); }
    return {min: n("min_len", "0"), max: n("max_len", "9999"), now: n("now_len", "0"),
            orderable: n("orderable", "0")};
  }

  function sortable($seq) {
    var oid = $seq.attr("id"), adjustment = {left: 0, top: 0};
    if (!$.fn.sortable) { return; }
    $("#" + oid + "-orderable").sortable({
      handle: ".deform-order-button, .card-header",
      containerSelector: "#" + oid + "-orderable",
      itemSelector: ".deform-seq-item",
      placeholder: '<i class="bi bi-arrow-right"></i>',
      onDragStart: function ($item, container, _super) {
        var offset = $item.offset(), pointer = container.rootGroup.pointer;
        adjustment = {left: pointer.left - offset.left, top: pointer.top - offset.top};
        _super($item, container);
      },
      onDrag: function ($item, position) {
        $item.css({left: position.left - adjustment.left, top: position.top - adjustment.top});
      }
    });
  }

  /* Every sequence not yet set up (those of the page, then those an append adds). */
  function setUp() {
    $(".deform-seq").not("[data-deform-ready]").not(".deform-proto .deform-seq").each(function () {
      var $seq = $(this), l = limits($seq);
      $seq.attr("data-deform-ready", "1");
      deform.processSequenceButtons($seq, l.min, l.max, l.now, l.orderable);
      if (l.orderable) { sortable($seq); }
    });
  }

  $(document).on("click", "[data-deform-action=append]", function (event) {
    event.preventDefault();
    deform.appendSequenceItem(this);
    setUp();
  });
  $(document).on("click", "[data-deform-action=remove]", function (event) {
    event.preventDefault();
    deform.removeSequenceItem(this);
  });
  $(function () {
    setUp();
    if (window.deform) { deform.load(); }
  });
}(jQuery));
