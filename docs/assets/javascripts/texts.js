/* The page texts the scripts show, read once from the page's config script.
 *
 * overrides/main.html writes <script id="__disclosures" type="application/json"> with the texts
 * named in disclosures/texts.py (SCRIPT_TEXTS), as Material does with its own translations in
 * __config, so no script carries a copy of a Chinese text. Texts have named placeholders
 * ({days}), filled by fill(). Loaded before the other scripts (mkdocs.yml). Plain ES5.
 */
(function (root) {
  "use strict";

  function read() {
    var config = root.document && root.document.getElementById("__disclosures");
    if (!config) return {};
    try {
      return JSON.parse(config.textContent).texts || {};
    } catch (e) {
      return {};
    }
  }

  // Each {name} in template is replaced by values[name]; unknown names stay as written.
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  root.disclosuresTexts = { texts: read(), fill: fill };
})(typeof window !== "undefined" ? window : globalThis);
