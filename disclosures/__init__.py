"""Structured YAML notices -> the pages and files of a static disclosure site. No MkDocs in here.

The flow of one build, module by module (hooks/disclosures_hooks.py hands the result to MkDocs):

1. load     yamlload.py (YAML -> nodes with line numbers) -> validate.py (nodes -> frozen records,
            records.py; every mistake collected, errors.py) -> load.py (all of data/ at once,
            with glossary.py and searchterms.py for their files)
2. number   numbered.py: a notice body -> the numbered view (labels from numbering.py,
            addresses and anchors from urls.py); viewmodels.py holds the view shapes and the one
            walk over them in page order
3. model    view.py: one notice -> its NoticeView (facts, window status from timewindow.py,
            contacts.py, overview.py, revisions, TOC); terms.py marks glossary terms on it
4. render   render.py: view models -> HTML with the Jinja2 templates in overrides/
5. gather   build.py: prepare() runs 1-4 for every page, and builds nav.py's navigation,
            feedback.py's page, banner.py's banner and assets.py's files (feeds.py, opendata.py)
            poster.py (posters, QR codes from qr.py) and share.py (Open Graph tags, share cards)
6. after    search.py runs Pagefind over the built pages (searchmarks.py put keywords and filters
            in them, searchpage.py is the search page); themefix.py fixes Material's markup;
            posterpdf.py prints the posters to PDF (optional); linkcheck.py checks every internal
            link of the staging folder; serving.py writes the server rules, .gz copies and manifest;
            staging.py swaps the finished site in

Texts shown to people live in texts.py; the command line is cli.py; importer/ turns a published
notice into a first draft of a data file.
"""
