# The two commands the README promises. Both set up from nothing first.
.PHONY: site test serve check posters

# Set up and build site/ (MkDocs strict mode: any warning fails the build).
site:
	scripts/setup
	.venv/bin/mkdocs build --strict

# Set up and run every test, browser tests included.
test:
	scripts/setup --test
	.venv/bin/python -m pytest

# Preview with live reload; rebuilds when a file in data/ changes.
serve:
	scripts/setup
	.venv/bin/mkdocs serve

# Validate data/ without building (fast; suitable for an editor's save hook).
check:
	scripts/setup
	.venv/bin/disclosures check data

# Build site/ with each notice-board poster also as A4 and A3 PDF (needs Debian's chromium:
# scripts/setup --test installs it).
posters:
	scripts/setup
	DISCLOSURE_POSTER_PDF=1 .venv/bin/mkdocs build --strict
