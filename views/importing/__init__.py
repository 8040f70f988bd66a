"""Bringing data in through the UI: the import wizard (File → Import…), Settings → Imports,
and vCard contacts. The work itself is ``models.importing``."""
from __future__ import annotations


def open_import_wizard(ctx, parent=None, paths=None):  # noqa: ANN001, ANN201
    """Show the import wizard (see ``views.importing.wizard``)."""
    from .wizard import open_import_wizard as open_wizard

    return open_wizard(ctx, parent, paths)
