// Run by tests/test_window_node.py: statusAt from window-status.js over a table of windows and moments.
// Usage: node window_status_node.js TABLE.json CONFIG.json
// CONFIG.json is what overrides/main.html writes into the page's config script ({"texts": {...}}).
// Prints one {state, label, detail} per moment, in table order, as JSON.
"use strict";

const fs = require("fs");
const path = require("path");

const [table, config] = process.argv.slice(2).map((file) => JSON.parse(fs.readFileSync(file, "utf-8")));
const scripts = path.join(__dirname, "..", "docs", "assets", "javascripts");

// texts.js reads the config script from the page; here the page is this one element.
globalThis.document = { getElementById: (id) => (id === "__disclosures" ? { textContent: JSON.stringify(config) } : null) };
require(path.join(scripts, "texts.js"));
const { statusAt } = require(path.join(scripts, "window-status.js"));

const results = [];
for (const c of table.cases) {
  for (const moment of c.moments) {
    const status = statusAt(Date.parse(c.start_iso), Date.parse(c.end_iso), Date.parse(moment));
    results.push({ state: status.state, label: status.label, detail: status.detail });
  }
}
process.stdout.write(JSON.stringify(results));
