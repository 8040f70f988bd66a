"""The XLSX and PDF writers of ``voronka report`` (``WRITERS`` in ``desktop.commands.report``).

The command hands a writer the JSON report alone, so these exports have no previous
period (the change column stays empty) and no trend charts; the report view's exports
carry both. "Exported by" is the operating-system user running the command.
"""
from __future__ import annotations

import getpass
import io
from typing import Any

from .pdf import write_pdf
from .qt_app import ensure_app
from .xlsx import write_xlsx


def _who() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment: the line is left out
        return None


def xlsx_report(report: dict[str, Any], language: str) -> bytes:
    ensure_app(language)  # translations of sheet and column titles
    out = io.BytesIO()
    write_xlsx(report, out, language, exported_by=_who())
    return out.getvalue()


def pdf_report(report: dict[str, Any], language: str) -> bytes:
    ensure_app(language)
    out = io.BytesIO()
    write_pdf(report, out, language, exported_by=_who())
    return out.getvalue()
