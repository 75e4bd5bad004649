/* Progressive enhancement only: every page works without this file.
   - "Exit this page": the link goes to /exit/ (which clears everything);
     here it also blanks the page first and uses location.replace, so the
     Back button does not come back to this page. Shift pressed 3 times
     (within 5 seconds of each other) does the same.
   - Pages restored from the back/forward cache are reloaded from the
     server, which no longer has the answers after an exit.
   - The error summary gets focus; the idle timeout warns 2 minutes ahead
     with a "Stay on this page" button (WCAG 2.2.1). */
(function () {
  "use strict";
  var body = document.body;
  var exitLinks = document.querySelectorAll(".js-exit");
  var exitUrl = exitLinks.length ? exitLinks[0].getAttribute("href") : "/exit/";

  function leave() {
    var overlay = document.querySelector(".exit-overlay");
    if (overlay) { overlay.hidden = false; }
    body.classList.add("exit-hidden");
    window.location.replace(exitUrl);
  }

  Array.prototype.forEach.call(exitLinks, function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
  });

  var presses = 0;
  var timer = null;
  var lights = document.querySelector(".exit-lights");
  var status = document.getElementById("exit-status");
  var statusText = {
    en: ["Shift, press 2 more times to exit.", "Shift, press 1 more time to exit.", "Exit this page expired."],
    es: ["Shift: presione 2 veces más para salir.", "Shift: presione 1 vez más para salir.", "Se canceló la salida rápida."]
  };
  var lang = (document.documentElement.lang || "en").slice(0, 2) === "es" ? "es" : "en";

  function showPresses() {
    if (!lights) { return; }
    lights.classList.toggle("active", presses > 0);
    Array.prototype.forEach.call(lights.children, function (light, index) {
      light.classList.toggle("on", index < presses);
    });
  }

  function reset(expired) {
    presses = 0;
    showPresses();
    if (expired && status) { status.textContent = statusText[lang][2]; }
  }

  // Shift used to type a capital letter or "(" is not an exit press
  // (as in GOV.UK Frontend): someone typing a code in capitals must not be sent away.
  var shiftModifiedKey = false;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" && event.shiftKey) { shiftModifiedKey = true; }
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (shiftModifiedKey) {
      shiftModifiedKey = false;
      return;
    }
    presses += 1;
    clearTimeout(timer);
    if (presses >= 3) {
      reset(false);
      leave();
      return;
    }
    showPresses();
    if (status) { status.textContent = statusText[lang][presses - 1]; }
    timer = setTimeout(function () { reset(true); }, 5000);
  });

  window.addEventListener("pageshow", function (event) {
    body.classList.remove("exit-hidden");
    var overlay = document.querySelector(".exit-overlay");
    if (overlay) { overlay.hidden = true; }
    if (event.persisted) { window.location.reload(); }
  });

  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  var idle = parseInt(body.getAttribute("data-idle"), 10);
  var warnAfter = parseInt(body.getAttribute("data-warn"), 10);
  var dialog = document.getElementById("timeout");
  var stay = document.querySelector(".js-stay");
  var warnTimer = null;
  var expireTimer = null;

  function schedule() {
    if (!idle || !warnAfter || !dialog) { return; }
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    warnTimer = setTimeout(function () {
      dialog.hidden = false;
      var button = dialog.querySelector("button");
      if (button) { button.focus(); }
    }, warnAfter * 1000);
    expireTimer = setTimeout(function () {
      window.location.replace(body.getAttribute("data-expired") || "/");
    }, idle * 1000);
  }

  if (stay) {
    stay.addEventListener("submit", function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open("POST", stay.getAttribute("action"));
      request.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
      var token = stay.querySelector("input[name=csrfmiddlewaretoken]");
      request.send("csrfmiddlewaretoken=" + encodeURIComponent(token ? token.value : ""));
      dialog.hidden = true;
      schedule();
    });
  }
  schedule();
}());
