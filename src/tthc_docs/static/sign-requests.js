/* The leader's signing requests: poll each one and finish it once the phone approved.
 *
 * Progressive enhancement: without JavaScript each request keeps its "Finish" button
 * (a plain form POST to /@@sign-finish).  With it, every few seconds this posts the same
 * form as JSON (its CSRF token in X-CSRF-Token): 202 the phone has not answered yet,
 * 200 signed (the outcome replaces the form), anything else ends the polling with the
 * server's reason (and the form, unless the service was only unavailable: 503).  The words come from the page (data-*, translated there), so this
 * file holds none; the page's Content-Security-Policy allows only files like this one.
 */
(function () {
  "use strict";
  var list = document.getElementById("sign-requests");
  if (!list || !window.fetch) { return; }
  var EVERY_MS = 3000;
  var words = list.dataset;

  function say(item, text, cls) {
    var status = item.querySelector(".poll");
    status.textContent = text;
    status.className = "poll " + (cls || "");
  }

  function signed(item, form, body) {
    var done = document.createElement("p");
    done.className = "ok";
    done.appendChild(document.createTextNode(words.signed + " "));
    body.items.forEach(function (it, i) {
      var link = document.createElement("a");
      link.href = words.dossiers + encodeURIComponent(it.code);
      link.textContent = it.code;
      if (i) { done.appendChild(document.createTextNode(", ")); }
      done.appendChild(link);
    });
    form.replaceWith(done);
    say(item, "", "");
  }

  function poll(item, form) {
    var token = form.querySelector("input[name=csrf_token]").value;
    var id = form.querySelector("input[name=request]").value;
    fetch(form.action, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json",
                "X-CSRF-Token": token},
      body: JSON.stringify({request: id})
    }).then(function (res) {
      return res.json().then(function (body) { return [res.status, body]; },
                             function () { return [res.status, {}]; });
    }).then(function (answer) {
      var status = answer[0], body = answer[1];
      if (status === 202) {
        say(item, words.waiting, "");
        window.setTimeout(function () { poll(item, form); }, EVERY_MS);
      } else if (status === 200) {
        signed(item, form, body);
      } else {   // ended (409, 404): nothing left to finish; 503: the button may try again
        say(item, words.failed + " " + ((body.error && body.error.message) || status), "bad");
        if (status !== 503) { form.remove(); }
      }
    }, function () {   // the network blinked: try again later, the button still works
      window.setTimeout(function () { poll(item, form); }, EVERY_MS * 2);
    });
  }

  list.querySelectorAll("li").forEach(function (item) {
    var form = item.querySelector("form");
    if (form) {
      say(item, words.waiting, "");
      window.setTimeout(function () { poll(item, form); }, EVERY_MS);
    }
  });
}());
