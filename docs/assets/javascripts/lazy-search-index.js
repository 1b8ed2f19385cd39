// Fetch the search index only when the reader opens search.
//
// Material requests search/search_index.json as soon as any page loads. The index
// holds the full text of every notice (about 100 KiB per notice before compression),
// so a reader who opens one notice from a shared link would download all of them.
// Material fetches it with XMLHttpRequest from its bundle, which runs after this
// script (loaded in <head>): hold back that one request until the search box is
// focused or the search overlay opened. Everything else is untouched.
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var wanted = new Promise(function (resolve) {
    function onFocus(event) {
      var target = event.target;
      if (target instanceof HTMLInputElement && target.matches("[data-md-component=search-query]")) resolve();
    }
    function onToggle(event) {
      if (event.target && event.target.id === "__search" && event.target.checked) resolve();
    }
    document.addEventListener("focusin", onFocus, true);
    document.addEventListener("change", onToggle, true);
    // A search link (?q=…) opens search straight away.
    if (new URLSearchParams(location.search).has("q")) resolve();
  });

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    try {
      this.dscDeferUntilSearch = INDEX.test(new URL(String(url), location.href).pathname);
    } catch (error) {
      this.dscDeferUntilSearch = false;
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.dscDeferUntilSearch) return send.apply(this, arguments);
    var request = this;
    var args = arguments;
    wanted.then(function () { send.apply(request, args); });
  };
})();
