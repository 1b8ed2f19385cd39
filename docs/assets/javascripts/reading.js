// Reading aids that need a script. The page reads fully without it.
//
// The larger-text switch: a button in the header (aria-pressed tells screen readers its state). The
// choice is kept in localStorage and applied early by partials/disclosures/reading-head.html, so the
// page does not jump on the next visit. The button is made here, not in the HTML, because without a
// script it could do nothing.
(function () {
  "use strict";
  var KEY = "dsc-text-size";
  var LARGE = "dsc-text-large";
  var root = document.documentElement;
  var T = window.disclosuresTexts.texts; // disclosures/texts.py, via texts.js

  function store(large) {
    try {
      if (large) localStorage.setItem(KEY, "large");
      else localStorage.removeItem(KEY);
    } catch (e) {
      // Storage may be blocked (private mode): the switch still works for this page.
    }
  }

  function textSizeButton() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "dsc-text-size";
    button.textContent = T.LARGE_TEXT;
    button.title = T.LARGE_TEXT_HINT;
    button.setAttribute("aria-pressed", String(root.classList.contains(LARGE)));
    button.addEventListener("click", function () {
      var large = !root.classList.contains(LARGE);
      root.classList.toggle(LARGE, large);
      button.setAttribute("aria-pressed", String(large));
      store(large);
    });
    return button;
  }

  var header = document.querySelector(".md-header__inner");
  if (header) {
    // Before the colour-scheme switch and search, next to the other reader controls.
    var anchor = header.querySelector(".md-header__option, label[for='__search']");
    header.insertBefore(textSizeButton(), anchor);
  }

  // Material's two hidden toggles (drawer, search) lose autocomplete="off" (invalid on checkboxes, see
  // disclosures/themefix.py), so a browser may restore them ticked: close both when a page is shown.
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    });
  });
})();
