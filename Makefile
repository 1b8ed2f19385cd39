# The two commands the README promises. Both set up from nothing first.
.PHONY: site test test-fast fuzz serve check posters edit

# Material 9.7+ prints an English end-of-life notice above everything else on each mkdocs run; a clerk
# must see our Chinese messages and summary first. Material's documented switch turns it off.
export NO_MKDOCS_2_WARNING := 1

# Set up and build site/ (MkDocs strict mode: any warning fails the build).
site:
	scripts/setup
	.venv/bin/mkdocs build --strict

# Set up and run every test, browser tests included (in parallel: see addopts in pyproject.toml).
test:
	scripts/setup --test
	.venv/bin/python -m pytest

# The daily loop: every test that needs neither a whole-site build nor a browser.
test-fast:
	scripts/setup --test
	.venv/bin/python -m pytest -m "not build and not browser"

# The property-based fuzzers, long: 10,000 examples per property (one process per core), with the
# statistics that say how many examples each property tried. A bounded run is part of `make test`.
fuzz:
	scripts/setup --test
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} .venv/bin/python -m pytest -m fuzz --hypothesis-show-statistics

# Preview with live reload; rebuilds when a file in data/ changes. --dirty: a rebuild keeps the files that did
# not change (disclosures/publish/previewfolder.py says how that stays exact).
serve:
	scripts/setup
	.venv/bin/mkdocs serve --dirty

# The form editor: set up (npm, once) and serve it on http://127.0.0.1:8090/ until Ctrl+C (handbook/office.md).
edit:
	scripts/setup --editor
	.venv/bin/disclosures edit

# Validate data/ without building (fast; suitable for an editor's save hook).
check:
	scripts/setup
	.venv/bin/disclosures check data

# Build site/ with each notice-board poster also as A4 and A3 PDF (needs Debian's chromium:
# scripts/setup --test installs it).
posters:
	scripts/setup
	DISCLOSURE_POSTER_PDF=1 .venv/bin/mkdocs build --strict
