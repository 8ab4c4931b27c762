"""Foundation: what every stage shares. It takes nothing; it gives the exceptions (errors),
the diagnostic codes (diagnostics), the endpoint model (model), worker processes (workers)
and the one bounded read of every input file (bounded).
"""
