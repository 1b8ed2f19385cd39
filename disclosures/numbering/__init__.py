"""Numbering: a notice's body as the page numbers it — labels from position (一、 （一） 1. （1） 一是), the
numbers kept where the published notice printed others, the numbered view and its one walk in page order.

May import: core.
(The checking in load/ names a field the way the page numbers it and finds key figures in the numbered
text, so numbering comes before load although it runs after it.)
"""
