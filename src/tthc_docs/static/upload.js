/* Upload progress for the forms that send files (the vault's upload, the apply page).
 *
 * Progressive enhancement: without JavaScript each form posts as usual.  With it,
 * a form marked data-upload-progress that carries a chosen file
 * - refuses at once a file over data-max-bytes, saying so beside its box (the
 *   server refuses it too, 413, but only after the whole file has travelled);
 * - sends the same multipart body with XMLHttpRequest and shows how much has gone
 *   (a <progress> and its percentage, read out politely by screen readers);
 * - then shows the server's answer as a normal post would: the page after the
 *   redirect (with its message), or the form again with the reason beside the field.
 * Every word comes from the form's data-* attributes, which the page translates.
 * Served from /static (Content-Security-Policy script-src 'self'; no inline script).
 */
(function () {
  "use strict";

  function chosenFiles(form) {
    return Array.prototype.filter.call(form.querySelectorAll("input[type=file]"),
      function (input) { return input.files && input.files.length > 0; });
  }

  function say(input, text) {
    var id = (input.id || input.name) + "-size-error";
    var note = document.getElementById(id);
    if (!note) {
      note = document.createElement("p");
      note.id = id;
      note.className = "invalid-feedback";
      input.insertAdjacentElement("afterend", note);
    }
    note.textContent = text;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
  }

  function tooLarge(form, inputs) {
    var max = parseInt(form.getAttribute("data-max-bytes") || "0", 10);
    var found = null;
    inputs.forEach(function (input) {
      if (max && input.files[0].size > max) {
        say(input, form.getAttribute("data-too-large"));
        found = found || input;
      }
    });
    if (found) { found.focus(); }
    return found !== null;
  }

  function meter(form, button) {
    var box = document.createElement("div");
    box.className = "upload-progress";
    box.setAttribute("role", "status");
    box.setAttribute("aria-live", "polite");
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    var words = document.createElement("span");
    box.appendChild(bar);
    box.appendChild(words);
    (button || form.lastElementChild).insertAdjacentElement("afterend", box);
    return function (percent) {
      bar.value = percent;
      words.textContent = " " + form.getAttribute("data-uploading") + ": " + percent + "%";
    };
  }

  function showAnswer(xhr) {
    document.open();
    document.write(xhr.responseText);
    document.close();
    if (xhr.responseURL) { window.history.replaceState(null, "", xhr.responseURL); }
  }

  function send(form, submitter) {
    var body = new FormData(form);
    if (submitter && submitter.name) { body.append(submitter.name, submitter.value || ""); }
    var button = submitter || form.querySelector("button[type=submit]");
    var show = meter(form, button);
    if (button) { button.disabled = true; }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) { show(Math.floor(100 * event.loaded / event.total)); }
    });
    xhr.addEventListener("load", function () { showAnswer(xhr); });
    xhr.addEventListener("error", function () {
      if (button) { button.disabled = false; }
      var input = chosenFiles(form)[0];
      if (input) { say(input, form.getAttribute("data-upload-failed")); }
    });
    show(0);
    xhr.send(body);
  }

  document.querySelectorAll("form[data-upload-progress]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var inputs = chosenFiles(form);
      if (!inputs.length || !window.FormData || !window.XMLHttpRequest) { return; }
      event.preventDefault();
      if (!tooLarge(form, inputs)) { send(form, event.submitter); }
    });
  });
}());
