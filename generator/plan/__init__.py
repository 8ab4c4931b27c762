"""Stage 3, plan: takes an Operation; gives its replay cases (replay), one per example."""
