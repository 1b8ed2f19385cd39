// Mark the words a reader searched for on the page a search result leads to (search.js adds
// ?hl=word+word to each result's link). Only the page's text is marked, never the site's chrome.
(function () {
  "use strict";

  var wanted = new URLSearchParams(location.search).get("hl");
  var body = document.querySelector("[data-pagefind-body]");
  if (!wanted || !body) return;
  var words = wanted.split(/\s+/).filter(function (w) { return w.length > 0; }).slice(0, 10);
  if (!words.length) return;
  var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
  var pattern = new RegExp("(" + escaped.join("|") + ")", "gi");

  var walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: function (node) {
      var parent = node.parentElement;
      if (!parent || parent.closest("[hidden], script, style, mark")) return NodeFilter.FILTER_REJECT;
      pattern.lastIndex = 0;
      return pattern.test(node.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    }
  });
  var nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  nodes.forEach(function (node) {
    var parts = node.nodeValue.split(pattern);
    var fragment = document.createDocumentFragment();
    parts.forEach(function (part, i) {
      if (!part) return;
      if (i % 2 === 1) {
        var mark = document.createElement("mark");
        mark.className = "dsc-search-hit";
        mark.textContent = part;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    node.parentNode.replaceChild(fragment, node);
  });
})();
