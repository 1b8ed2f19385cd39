"""Publish: what happens to the finished folder — Material's markup corrected, every link checked, the
server rules, .gz copies and tamper-evidence manifest written, the staging folder swapped in, and when the
next rebuild is due.

May import: core.
"""
