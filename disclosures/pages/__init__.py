"""Pages: each page kind rendered to HTML from view models — the notice, the home page and the portal's
lists, the feedback page, the search page, the glossary and subscribe pages, navigation, banner and footer.

May import: core, load, model.
"""
