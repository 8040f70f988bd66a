"""The XLSX and PDF writers of ``voronka report`` (``WRITERS`` in ``desktop.commands.report``).

The command hands a writer the same bundle the report view exports (the report, the
previous period for the change column, the trend history for the charts; see
``desktop.exports.bundle.build_bundle``). "Exported by" is the operating-system user
running the command (who "I" am is a per-laptop setting of the app, not of the database).
"""
from __future__ import annotations

import getpass
import io
from typing import Any

from .pdf import write_pdf
from .qt_app import ensure_app
from .xlsx import write_xlsx


def exported_by() -> str | None:
    """The operating-system user running the command, if the system knows one."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment: the line is left out
        return None


def xlsx_report(bundle: dict[str, Any], language: str) -> bytes:
    ensure_app(language)  # translations of sheet and column titles
    out = io.BytesIO()
    write_xlsx(bundle, out, language, exported_by=bundle.get("exported_by"))
    return out.getvalue()


def pdf_report(bundle: dict[str, Any], language: str) -> bytes:
    ensure_app(language)
    out = io.BytesIO()
    write_pdf(bundle, out, language, exported_by=bundle.get("exported_by"))
    return out.getvalue()
