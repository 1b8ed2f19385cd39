"""Model: one notice record -> the NoticeView its page, feeds and downloads show (facts, window status,
contacts, overview, glossary terms marked, what the search index is given), and the search dictionary.

May import: core, numbering, load.
"""
