// The site search (README, "Search"): the header box and the search page /search/, on Pagefind.
//
// Pagefind's index lives in <site>/pagefind/ (disclosures/search.py). Its script, worker and wasm
// cost about 200 KB, so they are loaded only when a search box or filter first gets focus (or a
// /search/?q=… link is opened). Each page result is shown as its sections (Pagefind's sub-results:
// one per heading with an id), so a problem （N） is a result of its own and its link lands on
// #problem-N. Every result element carries data-search-result (the test contract).
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("fetch" in window)) return;
  var ROOT = new URL("../../", script.src); // this file is <root>/assets/javascripts/search.js
  var HEADER_ITEMS = 5; // the header's list is a preview; the search page shows everything
  var BATCH = 3; // page results whose texts are fetched at a time (each notice's text is about 28 KB compressed)
  var TOKEN = /^(rq|ny|yr)\d+$/; // date tokens (searchmarks.date_marks; search.py puts them after each date)
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;

  var OPTIONS = { baseUrl: ROOT.pathname, excerptLength: 30 };

  var loading = null;
  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
        var options = Object.assign({ basePath: new URL("pagefind/", ROOT).pathname }, OPTIONS);
        return pf.options(options).then(function () { pf.init(); return pf; });
      });
    }
    return loading;
  }

  // The index is cut into shards (search.py): pagefind/ holds the newest, pagefind/shards.json lists the
  // others, newest first. A search first answers from the newest shard; then the others are merged in
  // (once per page) and the search runs again over all of them. Resolves, once all are merged, to whether
  // there were any besides the newest.
  var merging = null;
  var merged = false;
  function mergeShards(pf) {
    if (!merging) {
      merging = fetch(new URL("pagefind/shards.json", ROOT).href).then(function (response) {
        return response.ok ? response.json() : { shards: [] };
      }).then(function (list) {
        // In order: results of equal score (a listing without words) keep the shards' newest-first order.
        var folders = list.shards || [];
        return folders.reduce(function (done, folder) {
          var path = new URL("pagefind/" + folder, ROOT).pathname;
          return done.then(function () { return pf.mergeIndex(path, OPTIONS); });
        }, Promise.resolve()).then(function () { merged = true; return folders.length > 0; });
      });
    }
    return merging;
  }

  // --- the query ------------------------------------------------------------------------------

  function pad(n) { return ("0" + Number(n)).slice(-2); }

  // A typed date becomes the token the index holds for it: 2024年8月30日, 2024-08-30, 2024/8/30 ->
  // rq20240830; 2024年8月 -> ny202408; 8月30日 -> yr0830. A year alone stays a number (2024年 -> 2024).
  function dateTokens(text) {
    return text
      .replace(/(\d{4})\s*[年\-\/.]\s*(\d{1,2})\s*[月\-\/.]\s*(\d{1,2})\s*[日号]?/g,
               function (_, y, m, d) { return " rq" + y + pad(m) + pad(d) + " "; })
      .replace(/(\d{4})\s*年\s*(\d{1,2})\s*月/g, function (_, y, m) { return " ny" + y + pad(m) + " "; })
      .replace(/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, function (_, m, d) { return " yr" + pad(m) + pad(d) + " "; })
      .replace(/(\d)\s*[年月日号]/g, "$1 ");
  }

  // Chinese has no spaces: cut a run into words (the browser's own dictionary), then join runs of
  // single characters back together (两/项/监督 -> 两项 监督), since the index holds words, not characters.
  function words(text) {
    if (!window.Intl || !Intl.Segmenter) return text.split(/\s+/);
    var out = [];
    var single = "";
    var segments = new Intl.Segmenter("zh", { granularity: "word" }).segment(text);
    for (var it = segments[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) {
      var seg = s.value;
      if (!seg.isWordLike) { if (single) out.push(single); single = ""; continue; }
      if (seg.segment.length === 1 && HAN.test(seg.segment)) { single += seg.segment; continue; }
      if (single) out.push(single);
      single = "";
      out.push(seg.segment);
    }
    if (single) out.push(single);
    return out;
  }

  function prepare(raw) {
    var text = dateTokens(raw.normalize("NFKC").toLowerCase());
    var out = [];
    text.split(/\s+/).forEach(function (part) {
      if (!part) return;
      if (TOKEN.test(part)) out.push(part);
      else out = out.concat(words(part));
    });
    return out.filter(function (w, i) { return w && out.indexOf(w) === i; });
  }

  // --- filters ----------------------------------------------------------------------------------

  function windowState(value, now) {
    var bounds = value.split("/");
    var start = Date.parse(bounds[0]);
    var end = Date.parse(bounds[1]); // exclusive, as in timewindow.status_at
    return now < start ? "upcoming" : now < end ? "open" : "closed";
  }

  // The window filter holds each notice's bounds: decide on the reader's clock which are open now.
  function chosenFilters(form, pf) {
    var chosen = {};
    var wanted = "";
    form.querySelectorAll("[data-dsc-filter]").forEach(function (el) {
      var name = el.getAttribute("data-dsc-filter");
      if (!el.value) return;
      if (name === "window") wanted = el.value;
      else chosen[name] = el.value;
    });
    if (!wanted) return Promise.resolve(chosen);
    return pf.filters().then(function (all) {
      var now = Date.now();
      chosen.window = { any: Object.keys(all.window || {}).filter(function (v) { return windowState(v, now) === wanted; }) };
      return chosen;
    });
  }

  // --- results ----------------------------------------------------------------------------------

  // Pagefind's copy of the page as words; its locations count these (build_excerpt in pagefind.js).
  function contentWords(data) {
    var raw = data.raw_content || data.content || "";
    return raw.indexOf("\u200B") >= 0 ? raw.split("\u200B") : raw.split(/[\r\n\s]+/);
  }

  // Pagefind makes a sub-result of each heading with an id (calculate_sub_results in pagefind.js); other
  // elements with an id (a run-in section （四）, a revision) are anchors inside one.
  function isHeading(anchor) { return /h\d/i.test(anchor.element); }

  // Where a sub-result's words end: at the next heading, as Pagefind counts them.
  function regionEnd(data, start, length) {
    var end = length;
    (data.anchors || []).forEach(function (a) {
      if (isHeading(a) && a.location > start && a.location < end) end = a.location;
    });
    return end;
  }

  // The text of one result: its words in Pagefind's copy of the page (from its heading to the next one),
  // without the hidden keyword runs ⟦…⟧ and without the heading itself (shown as the title).
  function regionText(data, words, sub) {
    var zws = (data.raw_content || data.content || "").indexOf("\u200B") >= 0;
    var start = sub && sub.anchor ? sub.anchor.location : 0;
    var end = regionEnd(data, start, words.length);
    var text = words.slice(start, end).join(zws ? "" : " ").replace(/⟦[^⟧]*⟧?/g, "");
    var heading = sub && sub.anchor ? sub.anchor.text : "";
    if (heading && text.indexOf(heading) === 0) text = text.slice(heading.length).replace(/^[.\s]+/, "");
    return text.replace(/\s+/g, " ").trim();
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // Pieces of the patterns below, as regular-expression literals: they are patterns, not texts to show.
  var DATE_YEAR = /\s*[年\-\/.]\s*0?/.source;
  var DATE_MONTH = /\s*[月\-\/.]\s*0?/.source;
  var DATE_DAY = /(?!\d)\s*日?/.source;
  var YEAR_MARK = /\s*年\s*0?/.source;
  var MONTH_END = /\s*月/.source;
  var MONTH_MARK = /\s*月\s*0?/.source;
  var DAY_END = /\s*日/.source;

  function monthDay(month, day) { return "(?<!\\d)0?" + Number(month) + MONTH_MARK + Number(day) + DAY_END; }

  // What to mark: each typed word, and each date token as the date is written in the text (a whole date
  // may be written as a range's end without its year: 2024年4月1日至6月28日).
  function markPattern(terms) {
    var parts = terms.map(function (t) {
      var m = /^rq(\d{4})(\d\d)(\d\d)$/.exec(t);
      if (m) return m[1] + DATE_YEAR + Number(m[2]) + DATE_MONTH + Number(m[3]) + DATE_DAY + "|" + monthDay(m[2], m[3]);
      m = /^ny(\d{4})(\d\d)$/.exec(t);
      if (m) return m[1] + YEAR_MARK + Number(m[2]) + MONTH_END;
      m = /^yr(\d\d)(\d\d)$/.exec(t);
      if (m) return monthDay(m[1], m[2]);
      return escapeRegExp(t);
    });
    return parts.length ? new RegExp(parts.join("|"), "gi") : null;
  }

  var BEFORE = 24; // characters shown before the first match
  var LENGTH = 110; // characters shown in all

  // A short excerpt around the first typed word in the text, every typed word in it marked.
  function excerptNodes(text, terms) {
    var pattern = markPattern(terms);
    var first = pattern ? text.search(pattern) : -1;
    var start = first > BEFORE ? first - BEFORE : 0;
    var shown = text.slice(start, start + LENGTH);
    var nodes = [];
    var at = 0;
    if (pattern) {
      shown.replace(pattern, function (match, offset) {
        if (typeof offset !== "number") offset = arguments[arguments.length - 2];
        if (offset > at) nodes.push(document.createTextNode(shown.slice(at, offset)));
        var mark = document.createElement("mark");
        mark.textContent = match;
        nodes.push(mark);
        at = offset + match.length;
        return match;
      });
    }
    if (at < shown.length) nodes.push(document.createTextNode(shown.slice(at)));
    if (start > 0) nodes.unshift(document.createTextNode("…"));
    if (start + LENGTH < text.length) nodes.push(document.createTextNode("…"));
    return shown ? nodes : [];
  }

  // The location just past an anchor's element: its text (whole, in Pagefind's anchors) counted in words.
  function anchorEnd(words, anchor) {
    var want = (anchor.text || "").replace(/\s+/g, "").length;
    var at = anchor.location;
    for (var have = 0; at < words.length && have < want; at++) have += words[at].replace(/\s+/g, "").length;
    return at;
  }

  // Where a result leads: the element with an id that holds the first word found (a date's tokens stand
  // right after the date: search.py), else the sub-result's heading. A run-in section （四） or a revision
  // has no heading of its own, so what it says would otherwise lead to the top of its part.
  function target(data, words, sub) {
    if (!sub.anchor) return sub.url;
    var first = Infinity;
    (sub.weighted_locations || []).forEach(function (l) { if (l.location < first) first = l.location; });
    var holder = null;
    (data.anchors || []).forEach(function (a) {
      if (!isHeading(a) && a.id && a.location > sub.anchor.location && a.location <= first &&
          first < anchorEnd(words, a) && (!holder || a.location > holder.location)) holder = a;
    });
    return holder ? sub.url.split("#")[0] + "#" + holder.id : sub.url;
  }

  function score(sub) {
    return (sub.weighted_locations || []).reduce(function (sum, l) { return sum + l.balanced_score; }, 0);
  }

  // One result per section the words were found in; a section whose own heading holds every typed
  // word comes first (a problem titled with the word before sections that only mention it).
  function items(datas, terms) {
    var plain = terms.filter(function (t) { return !TOKEN.test(t); });
    var list = [];
    datas.forEach(function (data, rank) {
      var notice = (data.meta && data.meta.title) || "";
      var subs = terms.length && data.sub_results && data.sub_results.length ? data.sub_results : [
        { title: notice, url: data.url, whole: true }];
      var words = contentWords(data);
      subs.forEach(function (sub) {
        var title = sub.title || notice;
        var inTitle = plain.length > 0 && plain.every(function (t) { return title.toLowerCase().indexOf(t) >= 0; });
        list.push({ title: title, url: sub.whole ? sub.url : target(data, words, sub),
                    text: terms.length ? regionText(data, words, sub.whole ? null : sub) : "",
                    notice: notice === title ? "" : notice, rank: rank, inTitle: inTitle, score: score(sub) });
      });
    });
    return list.sort(function (a, b) {
      return (b.inTitle - a.inTitle) || (a.rank - b.rank) || (b.score - a.score);
    });
  }

  function link(url, terms) {
    var target = new URL(url, location.href);
    var plain = terms.filter(function (t) { return !TOKEN.test(t); });
    if (plain.length) target.searchParams.set("hl", plain.join(" ")); // search-highlight.js marks them
    return target.href;
  }

  function resultElement(item, terms) {
    var li = document.createElement("li");
    li.className = "dsc-search__result";
    li.setAttribute("data-search-result", "");
    var a = document.createElement("a");
    a.href = link(item.url, terms);
    var title = document.createElement("span");
    title.className = "dsc-search__title";
    title.textContent = item.title;
    a.appendChild(title);
    if (item.notice) {
      var tag = document.createElement("span");
      tag.className = "dsc-search__notice";
      tag.textContent = item.notice;
      a.appendChild(tag);
    }
    var nodes = item.text ? excerptNodes(item.text, terms) : [];
    if (nodes.length) {
      var excerpt = document.createElement("span");
      excerpt.className = "dsc-search__excerpt";
      nodes.forEach(function (n) { excerpt.appendChild(n); });
      a.appendChild(excerpt);
    }
    li.appendChild(a);
    return li;
  }

  // --- one search form (the header box or the search page) --------------------------------------

  function Search(form) {
    this.form = form;
    this.kind = form.getAttribute("data-dsc-search");
    this.box = form.querySelector("input[type=search]");
    this.list = form.querySelector(".dsc-search__results");
    this.status = form.querySelector(".dsc-search__status");
    this.more = form.querySelector(".dsc-search__more");
    // The button's row is what is hidden: a hidden attribute on the button itself loses to .md-button's display.
    this.moreRow = form.querySelector(".dsc-search__more-row");
    this.panel = form.querySelector(".dsc-search__panel");
    this.allLink = form.querySelector(".dsc-search__all-link");
    this.serial = 0;
    this.results = [];
    this.shown = 0;
    this.terms = [];
    this.timer = 0;
  }

  // The texts come from disclosures/texts.py through texts.js: "count-notices" is SEARCH_COUNT_NOTICES.
  Search.prototype.text = function (name, count) {
    var shared = window.disclosuresTexts || { texts: {}, fill: function (t) { return t; } };
    return shared.fill(shared.texts["SEARCH_" + name.toUpperCase().replace(/-/g, "_")] || "", { count: count });
  };

  Search.prototype.say = function (text) {
    this.form.setAttribute("data-state", text === this.text("loading") ? "loading" : "done");
    this.status.textContent = text;
  };

  Search.prototype.open = function (yes) {
    if (this.panel) this.panel.hidden = !yes;
  };

  Search.prototype.ready = function () {
    var self = this;
    return pagefind().then(function (pf) {
      self.form.setAttribute("data-ready", "");
      if (!self.status.textContent) self.status.textContent = self.text("ready");
      return pf;
    }, function () { self.say(self.text("failed")); throw new Error("pagefind"); });
  };

  Search.prototype.soon = function () {
    var self = this;
    this.serial++;  // a search still answering is for an older text: it must not show, nor say it is done
    this.form.setAttribute("data-state", "pending");
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.run(); }, 120);
  };

  // A search asked for now (a filter chosen, the form sent, a shared address opened).
  Search.prototype.now = function () {
    this.form.setAttribute("data-state", "pending");
    return this.run();
  };

  // Until a search has answered, what is shown belongs to the previous one: data-state is "pending" from the
  // moment it is asked for (soon, now), not only once it has started (run answers asynchronously).
  Search.prototype.run = function () {
    var self = this;
    var serial = ++this.serial;
    var raw = this.box.value.trim();
    this.terms = prepare(raw);
    this.remember(raw);
    return this.ready().then(function (pf) {
      return chosenFilters(self.form, pf).then(function (filters) {
        if (serial !== self.serial) return null;
        var filtered = Object.keys(filters).length > 0;
        if (!self.terms.length && !filtered) {
          self.clear(self.text("ready"));
          self.open(false);
          return null;
        }
        self.say(self.text("loading"));
        self.open(true);
        if (filters.window && !filters.window.any.length) return { results: [] };
        return pf.search(self.terms.length ? self.terms.join(" ") : null,
                         { filters: filters, sort: self.terms.length ? undefined : { published: "desc" } });
      });
    }).then(function (search) {
      if (!search || serial !== self.serial) return;
      var complete = merged;
      var focused = self.list.contains(document.activeElement) ? document.activeElement.href : null;
      self.results = search.results;
      self.shown = 0;
      self.list.textContent = "";
      var shown = self.results.length ? self.page(serial) : Promise.resolve();
      return shown.then(function () {
        if (serial !== self.serial) return;
        if (focused) self.refocus(focused);
        if (!complete) return self.older(serial);
        self.done();
      });
    }).catch(function () { /* said in ready() */ });
  };

  Search.prototype.done = function () {
    if (!this.results.length) { this.say(this.text("none")); this.showMore(); return; }
    this.say(this.text(this.terms.length ? "count" : "count-notices", this.results.length));
  };

  // The newest shard has answered: say that older notices are still being looked for, merge the other
  // shards and search again over all (data-state is "partial" until then). With one shard, that was all.
  Search.prototype.older = function (serial) {
    var self = this;
    this.status.textContent = this.text("older");
    this.form.setAttribute("data-state", "partial");
    return pagefind().then(mergeShards).then(function (more) {
      if (serial !== self.serial) return;
      return more ? self.run() : self.done();
    }, function () { self.say(self.text("failed")); });
  };

  // The results were shown again with more of them: the reader's focus stays on the same result, or
  // goes back to the box if it is no longer in the list.
  Search.prototype.refocus = function (href) {
    var same = Array.prototype.filter.call(this.list.querySelectorAll("a"), function (a) { return a.href === href; });
    (same[0] || this.box).focus();
  };

  Search.prototype.page = function (serial) {
    var self = this;
    var batch = this.results.slice(this.shown, this.shown + BATCH);
    this.shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (serial !== self.serial) return;
      var room = self.kind === "header" ? HEADER_ITEMS - self.list.children.length : Infinity;
      items(datas, self.terms).slice(0, room).forEach(function (item) {
        self.list.appendChild(resultElement(item, self.terms));
      });
      self.showMore();
    });
  };

  Search.prototype.showMore = function () {
    if (this.moreRow) this.moreRow.hidden = this.shown >= this.results.length;
  };

  Search.prototype.clear = function (status) {
    this.results = [];
    this.shown = 0;
    this.list.textContent = "";
    this.status.textContent = status;
    this.form.setAttribute("data-state", "done");
    this.showMore();
  };

  // The search page keeps its address in step, so a search can be linked and shared.
  Search.prototype.remember = function (raw) {
    var params = new URLSearchParams();
    if (raw) params.set("q", raw);
    this.form.querySelectorAll("[data-dsc-filter]").forEach(function (el) {
      if (el.value) params.set(el.name, el.value);
    });
    var query = params.toString();
    if (this.allLink) this.allLink.search = query ? "?" + query : "";
    if (this.kind === "page") history.replaceState(history.state, "", query ? "?" + query : location.pathname);
  };

  Search.prototype.focusResult = function (step) {
    var links = Array.prototype.slice.call(this.list.querySelectorAll("a"));
    if (!links.length) return false;
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : at + step;
    if (next < 0) { this.box.focus(); return true; }
    links[Math.min(next, links.length - 1)].focus();
    return true;
  };

  Search.prototype.bind = function () {
    var self = this;
    var form = this.form;
    form.addEventListener("focusin", function () { self.ready().catch(function () {}); });
    // Text arrives by keyboard, input method, paste or dictation: all give "input" events; during a
    // composition the box holds unfinished pinyin, so wait for compositionend.
    this.box.addEventListener("input", function (event) { if (!event.isComposing) self.soon(); });
    this.box.addEventListener("compositionend", function () { self.soon(); });
    form.querySelectorAll("[data-dsc-filter]").forEach(function (el) {
      el.addEventListener("change", function () { self.now(); });
    });
    if (this.more) this.more.addEventListener("click", function () { self.page(self.serial); });
    if (this.kind === "page") {
      form.addEventListener("submit", function (event) { event.preventDefault(); self.now(); });
    }
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && self.panel && !self.panel.hidden) {
        self.open(false);
        self.box.focus();
        event.preventDefault();
      } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !event.isComposing &&
                 (event.target === self.box || self.list.contains(event.target))) {
        if (self.focusResult(event.key === "ArrowDown" ? 1 : -1)) event.preventDefault();
      }
    });
    if (this.panel) {
      // The header's result list closes when focus or a click goes elsewhere.
      form.addEventListener("focusout", function (event) {
        if (!event.relatedTarget || !form.contains(event.relatedTarget)) self.open(false);
      });
      this.box.addEventListener("focus", function () { if (self.list.firstChild) self.open(true); });
    }
  };

  function start() {
    document.querySelectorAll("[data-dsc-nojs]").forEach(function (el) { el.hidden = true; });
    document.querySelectorAll("form[data-dsc-search]").forEach(function (form) {
      var search = new Search(form);
      search.bind();
      if (search.kind !== "page") return;
      var params = new URLSearchParams(location.search);
      search.box.value = params.get("q") || "";
      var filtered = false;
      form.querySelectorAll("[data-dsc-filter]").forEach(function (el) {
        var value = params.get(el.name);
        if (value && Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
          el.value = value;
          filtered = true;
        }
      });
      if (search.box.value || filtered) search.now();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
