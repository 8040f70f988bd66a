"""Reading values people type or export: amounts and dates (Qt-free, no database).

One parser for the whole application: the import, the card, the forms and the quick-create
read amounts with ``models.values.amounts``; the import reads dates with ``models.values.dates``.
"""
