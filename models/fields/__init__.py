"""Typed card fields, Qt-free: validation and normalisation (``types.normalise``), the
built-in fields of each card kind (``catalog``) and card layouts (``layout``).

The cards, the history import and the board's "required to enter" form share these,
so every e-mail, phone, website, INN, amount and date has one format in the database.
"""
from .errors import FieldInvalid, FieldsInvalid
from .types import CUSTOM_TYPES, FieldSpec, FieldType, from_text, normalise, to_text

__all__ = ["CUSTOM_TYPES", "FieldInvalid", "FieldSpec", "FieldType", "FieldsInvalid", "from_text",
           "normalise", "to_text"]
