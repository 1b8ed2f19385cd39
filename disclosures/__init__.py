"""Structured YAML notices -> the pages and files of a static disclosure site. No MkDocs in here.

The rooms, in the order of the flow; a room imports only from rooms before it (tests/test_layout.py):

  core/       the shared vocabulary: frozen records, the text catalogue (texts.py), errors, the address
              scheme (urls.py), the rules of time (timewindow.py), typography, output safety
  numbering/  a notice body as the page numbers it: labels from position, printed numbers kept, the
              numbered view and its one walk in page order (body.py)
  load/       read and check all of data/ at once (project.py): YAML with line numbers, typed fields, the
              notice rules, registries, glossary and search terms -> records, or every mistake in Chinese
  model/      one notice -> its NoticeView (view.py): facts, window status, contacts, overview, glossary
              terms, search keywords; the search dictionary
  pages/      each page kind -> HTML with the Jinja2 templates in overrides/ (render.py): notice, home and
              lists, feedback, search, glossary, subscribe; navigation, banner, footer
  outputs/    the files beside the pages: feeds, open data, share cards, posters and their PDFs, the
              Pagefind search index
  publish/    the finished folder: Material's markup fixed, links checked, server rules, .gz copies and
              manifest written, the staging folder swapped in; when the next rebuild is due
  importer/   a tool beside the build: a published notice -> a first draft of its data file
  editor/     a tool beside the build: the office's form editor (Sveltia CMS, bundled in editor/), its form
              generated from schema/, served on 127.0.0.1 with the check beside the fields

Numbering comes before load although it runs after it: the check names a field the way the page numbers
it (二、 （一） 1. （2） 的标题) and finds key figures in the numbered text.

build.py runs one build in that order (prepare(): load, then model, pages and outputs for every notice;
in a first build, buildahead.py's helper process makes the notices' products from the other end into the
cache); hooks/disclosures_hooks.py hands the result to MkDocs and calls outputs/ and publish/ on the finished
folder. cli.py is the command line (`disclosures check | next-change | verify | edit`).
"""
