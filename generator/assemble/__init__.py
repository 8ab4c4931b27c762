"""Stage 4, assemble: takes every page's operation and types; gives the Model of the package
(cross_page): overrides applied, names made unique, stray examples routed, types resolved
(typecheck) and examples checked against them.
"""
