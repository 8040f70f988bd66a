"""Domain services: each takes a Session, changes data, and returns ``Changes``.

Callers run one service in one transaction (``Database.run``/``transaction``).
"""
