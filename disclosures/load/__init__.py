"""Load: read and check everything under data/ at once — YAML with line numbers, typed fields, the notice
rules, the registries, glossary and search-terms files — into frozen records, or refuse with every mistake.

May import: core, numbering.
"""
