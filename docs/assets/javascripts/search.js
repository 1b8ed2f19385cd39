// Two small additions to Material's search (see README, "Search").
(function () {
  "use strict";

  // 1. React to text however it arrives. Material reads the query on "keyup" (and focus)
  // only. Chinese is typed through an input method: the text lands with "input" and
  // "compositionend" events, often with no keyup for the final characters (so do paste,
  // dictation and autocomplete). Re-announce those as a keyup so Material reads the box
  // again; it ignores a value it has already seen. During a composition the box holds
  // unfinished pinyin, so wait for the composition to end.
  function announce(event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.matches("[data-md-component=search-query]")) return;
    if (event.isComposing) return;
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", announce, true);
  document.addEventListener("compositionend", announce, true);

  // 2. Land on the section a result points to. Each notice section is indexed as
  // <page>?section=<anchor> (disclosures/searchindex.py) so that it is a result of its
  // own; go to that anchor as a fragment link would.
  var section = new URLSearchParams(location.search).get("section");
  if (section && !location.hash && document.getElementById(section)) {
    location.replace("#" + encodeURIComponent(section));
  }
})();
