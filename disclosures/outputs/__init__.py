"""Outputs: the files beside the pages — feeds, open data, share cards and Open Graph tags, notice-board
posters (and their QR codes and PDFs), and the Pagefind search index.

May import: core, numbering, model, pages.
"""
