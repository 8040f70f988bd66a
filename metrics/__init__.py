"""Pure pandas computations of the sales metrics: no Qt, no ORM sessions.

Input is a ``FunnelFrames`` (``voronka.models.frames``) loaded by ``models.loader``.
"""
