"""From decisions to what to do on each network: the translation table (table.py).

The ordered plans, their batches under the platforms' limits, the writers and verification
build on this table.
"""
