"""graphdoc: a Microsoft Graph client generated from the Graph API reference pages.

Pipeline, one module per stage: pages (discover/read) → parse (structure, permissions,
paths, examples) → model (+ specio for YAML) → render (templates) → fmt (black) → write.
"""

__version__ = "0.1.0"
