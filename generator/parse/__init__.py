"""Stage 2, parse: takes one page file; gives its Operation (page) or its types (resources)
and its diagnostics, from the parts of a page read by structure.
"""
