/* View-time status of disclosure windows (公开期限).
 *
 * A page is built once and read for years, so the status written at build time
 * can be stale. This script recomputes it from the markup whenever the page is
 * shown, in Beijing time whatever the reader's time zone. It mirrors
 * disclosures/timewindow.py: keep the two in step (the browser tests compare them).
 *
 * Contract (README, "Window status in the page"):
 * - an element with data-window-start / data-window-end (ISO 8601, +08:00) is a
 *   window carrier; its data-window-status becomes upcoming, open or closed, and a
 *   class dsc-status--<state> on it is replaced accordingly;
 * - .dsc-status__label and .dsc-status__detail inside it get the label and detail text, and
 *   [data-window-as-of] (截至…（本页生成时）, the build's moment, for readers without scripts) is hidden;
 * - elements inside it with data-window-when="open" (or upcoming, closed, several
 *   space-separated) are shown only in those states, through the hidden attribute;
 * - [data-window-banner] is hidden when none of its [data-window-when] elements shows.
 * Elements belong to their nearest carrier. Plain ES5, no requests; the texts come from texts.js.
 * Under Node (tests/test_window_node.py) it only exports statusAt and touches no page.
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var BEIJING_OFFSET = 8 * 3600000; // Asia/Shanghai has had no daylight saving since 1991
  var root = typeof window !== "undefined" ? window : globalThis;
  var T = root.disclosuresTexts.texts; // disclosures/texts.py, via texts.js
  var fill = root.disclosuresTexts.fill;
  var LABELS = { upcoming: T.STATUS_UPCOMING, open: T.STATUS_OPEN, closed: T.STATUS_CLOSED };

  function beijingDay(ms) {
    return Math.floor((ms + BEIJING_OFFSET) / DAY);
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // 2025年4月27日, with the time of day (09:00) only when it is not midnight.
  function formatMoment(ms) {
    var d = new Date(ms + BEIJING_OFFSET); // read with getUTC*: Beijing wall-clock time
    var text = fill(T.DATE, { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    if (d.getUTCHours() || d.getUTCMinutes()) {
      text += pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
    }
    return text;
  }

  // start inclusive, end exclusive, as in timewindow.status_at.
  function statusAt(start, end, now) {
    if (now < start) {
      return { state: "upcoming", label: LABELS.upcoming, detail: fill(T.STATUS_STARTS_AT, { start: formatMoment(start) }) };
    }
    if (now >= end) {
      return { state: "closed", label: LABELS.closed, detail: T.STATUS_ENDED };
    }
    var daysLeft = beijingDay(end - 1) - beijingDay(now);
    return {
      state: "open",
      label: LABELS.open,
      detail: daysLeft === 0 ? T.STATUS_LAST_DAY : fill(T.STATUS_DAYS_LEFT, { days: daysLeft })
    };
  }

  function nearestCarrier(element) {
    var node = element.parentNode;
    while (node && node.nodeType === 1) {
      if (node.hasAttribute("data-window-start")) return node;
      node = node.parentNode;
    }
    return null;
  }

  function eachOwned(carrier, selector, callback) {
    var found = carrier.querySelectorAll(selector);
    for (var i = 0; i < found.length; i++) {
      if (nearestCarrier(found[i]) === carrier) callback(found[i]);
    }
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function updateCarrier(carrier, now) {
    var start = Date.parse(carrier.getAttribute("data-window-start"));
    var end = Date.parse(carrier.getAttribute("data-window-end"));
    if (isNaN(start) || isNaN(end)) return;
    var status = statusAt(start, end, now);
    carrier.setAttribute("data-window-status", status.state);
    if (/(^|\s)dsc-status--/.test(carrier.className)) {
      carrier.className = carrier.className.replace(/(^|\s)dsc-status--\w+/g, "") + " dsc-status--" + status.state;
    }
    eachOwned(carrier, ".dsc-status__label", function (el) { setText(el, status.label); });
    eachOwned(carrier, ".dsc-status__detail", function (el) { setText(el, status.detail); });
    eachOwned(carrier, "[data-window-as-of]", function (el) { el.hidden = true; });
    eachOwned(carrier, "[data-window-when]", function (el) {
      var states = el.getAttribute("data-window-when").split(/\s+/);
      el.hidden = states.indexOf(status.state) < 0;
    });
  }

  function updateBanners(root) {
    var banners = root.querySelectorAll("[data-window-banner]");
    for (var i = 0; i < banners.length; i++) {
      var shown = banners[i].querySelectorAll("[data-window-when]:not([hidden])").length > 0;
      banners[i].hidden = !shown;
      // Material wraps the announce block in aside.md-banner: hide the empty bar too.
      var aside = banners[i].closest ? banners[i].closest(".md-banner") : null;
      if (aside) aside.hidden = !shown;
    }
  }

  function update() {
    var now = Date.now();
    var carriers = document.querySelectorAll("[data-window-start][data-window-end]");
    for (var i = 0; i < carriers.length; i++) updateCarrier(carriers[i], now);
    updateBanners(document);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { statusAt: statusAt }; // Node: the rule alone, for the unit test
    return;
  }

  // Material's instant navigation swaps the page without reloading scripts: document$ emits on
  // the first load and after every navigation. Without it, run once the document is parsed.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  // A page left open across midnight or the end of a window catches up within a minute.
  window.setInterval(update, 60000);
})();
