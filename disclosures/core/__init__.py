"""Core: the shared vocabulary of every phase — the frozen records, the text catalogue, errors, the address
scheme, the rules of time, Chinese typography, output safety and child processes that end with the build.

May import: nothing else of this package (every other room imports from here).
"""
