"""Stage 6, render: takes the model and the types; gives the source text of every file of
the package (package), through the templates, with pysource the only way page text
enters code; tailor restricts a model to the operations a program calls.
"""
