// Keep Material from fetching sitemap.xml on every page view because of our feed links.
//
// Material's bundle (integrations "alternate", meant for hreflang language versions) takes
// every <link rel="alternate"> in the page and fetches sitemap.xml next to its URL, so that
// its language selector can keep the reader on the same page. Our feed autodiscovery links
// (feed.xml, feed.json; a unit's or a round's feeds) are rel="alternate" too, so every page
// view fetched the site's sitemap.xml, which lists every page and grows with the site. For a
// feed link the fetched sitemap is never used (no link on the page points below "feed.xml/").
//
// This script runs before the bundle (loaded in <head>) and answers exactly those requests
// without the network: a GET of the sitemap.xml beside a feed link, unless Material's instant
// navigation is on (it needs the site's sitemap). Every other request is untouched.
(function () {
  "use strict";

  var FEED_TYPES = /^application\/(rss|atom|feed)\+(xml|json)$/;

  function feedSitemaps() {
    var found = {};
    var links = document.querySelectorAll("link[rel=alternate]");
    for (var i = 0; i < links.length; i++) {
      if (!FEED_TYPES.test(links[i].type || "")) continue;
      found[new URL("sitemap.xml", links[i].href).href] = true;
    }
    return found;
  }

  function instantNavigation() {
    var config = document.getElementById("__config");
    try {
      return config ? JSON.parse(config.textContent).features.indexOf("navigation.instant") >= 0 : false;
    } catch (error) {
      return false;
    }
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    try {
      this.dscFeedSitemap = String(method).toUpperCase() === "GET" &&
        feedSitemaps()[new URL(String(url), location.href).href] === true && !instantNavigation();
    } catch (error) {
      this.dscFeedSitemap = false;
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.dscFeedSitemap) return send.apply(this, arguments);
    // Material completes quietly on "abort": nothing to remember for this link, no request made.
    var request = this;
    setTimeout(function () { request.dispatchEvent(new ProgressEvent("abort")); }, 0);
  };
})();
