// Feedback page: a copy button beside each contact value and a print button for each envelope.
// The buttons are rendered hidden and shown here, so without JavaScript no button does nothing.
(function () {
  "use strict";
  var T = window.disclosuresTexts.texts; // disclosures/texts.py, via texts.js
  var fill = window.disclosuresTexts.fill;

  function fallbackCopy(text) {
    // For browsers without the async clipboard (older phones, pages not served over https).
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function announce(message) {
    var status = document.querySelector("[data-copy-status]");
    if (!status) return;
    // Clearing first makes screen readers announce the same message twice in a row.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function onCopy(button) {
    var text = button.getAttribute("data-copy");
    copy(text).then(function () {
      button.textContent = T.COPIED;
      announce(fill(T.COPIED_ANNOUNCE, { text: text }));
    }, function () {
      announce(fill(T.COPY_FAILED, { text: text }));
    });
    window.setTimeout(function () { button.textContent = T.COPY; }, 2000);
  }

  function onPrintEnvelope(button) {
    // Print only this envelope: the print styles show just the marked block.
    var envelope = button.closest(".dsc-envelope");
    document.documentElement.classList.add("dsc-print-one");
    envelope.classList.add("dsc-print-target");
    window.addEventListener("afterprint", function done() {
      window.removeEventListener("afterprint", done);
      document.documentElement.classList.remove("dsc-print-one");
      envelope.classList.remove("dsc-print-target");
    });
    window.print();
  }

  function init() {
    document.querySelectorAll("button.dsc-copy").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { onCopy(button); });
    });
    document.querySelectorAll("button[data-print-envelope]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { onPrintEnvelope(button); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
