"""Stage 5, report: takes the model and the diagnostics; gives the run's computed figures
(figures, report.json), and the docs compared with Microsoft's metadata (drift).
"""
