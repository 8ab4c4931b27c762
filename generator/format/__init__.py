"""Stage 7, format: takes source text; gives it in black's layout (pieces), in pieces cut at
operations, those laid out by construction only compiled.
"""
