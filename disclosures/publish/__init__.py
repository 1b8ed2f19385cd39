"""Publish: what happens to the finished folder — every link checked, the server rules, .gz copies and
tamper-evidence manifest written (in a worker process), the staging folder swapped in, and when the next
rebuild is due.

May import: core.
"""
