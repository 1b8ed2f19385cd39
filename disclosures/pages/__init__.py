"""Pages: each page kind rendered to HTML from view models — the notice, the home page and the portal's
lists, the feedback page, the search page, the glossary and subscribe pages, navigation, banner and footer,
and Material's markup of every page corrected.

May import: core, load, model.
"""
