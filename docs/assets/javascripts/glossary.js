// Glossary tooltips: while a marked term (a.dsc-term) is hovered or has keyboard focus, show the
// explanation it names with aria-describedby next to it. Escape hides it; the pointer may move onto the
// tooltip without it vanishing (WCAG 1.4.13). Without this script the term is still a link to the glossary.
(function () {
  "use strict";
  var current = null; // {term, note}
  var hideTimer = 0;

  function noteOf(term) {
    var id = term.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
  }

  function place(term, note) {
    var box = term.getBoundingClientRect();
    var width = note.offsetWidth;
    var left = Math.min(Math.max(8, box.left), window.innerWidth - width - 8);
    var below = box.bottom + 6;
    var top = below + note.offsetHeight > window.innerHeight && box.top > note.offsetHeight + 6
      ? box.top - note.offsetHeight - 6 : below;
    note.style.left = Math.max(8, left) + "px";
    note.style.top = top + "px";
  }

  function show(term) {
    var note = noteOf(term);
    if (!note) return;
    clearTimeout(hideTimer);
    if (current && current.note !== note) current.note.hidden = true;
    note.hidden = false;
    place(term, note);
    current = { term: term, note: note };
  }

  function hide() {
    clearTimeout(hideTimer);
    if (current) current.note.hidden = true;
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (current && current.term !== document.activeElement) hide();
    }, 300);
  }

  function termAt(target) {
    return target && target.closest ? target.closest("a.dsc-term") : null;
  }

  document.addEventListener("focusin", function (event) {
    var term = termAt(event.target);
    if (term) show(term); else if (current) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (termAt(event.target)) hide();
  });
  document.addEventListener("mouseover", function (event) {
    var term = termAt(event.target);
    if (term) show(term);
    else if (current && event.target.closest && event.target.closest(".dsc-term-note")) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (event) {
    if (termAt(event.target) || (event.target.closest && event.target.closest(".dsc-term-note"))) hideSoon();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("scroll", function () { if (current) place(current.term, current.note); }, { passive: true });
  window.addEventListener("resize", function () { if (current) place(current.term, current.note); });
})();
