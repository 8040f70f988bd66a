"""File → Export everything: the team's whole history as a folder of exchange-format CSVs,
written off the UI thread with progress and cancel (``models.history_import.export_all``)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from voronka.models.history_import.export_all import TeamExport, export_everything

from ..errors import show_error
from ..worker import Task, start_task



def export_folder_name(now: datetime | None = None) -> str:
    return f"voronka-export-{(now or datetime.now()):%Y%m%d-%H%M%S}"


def export_everything_to(window, parent_folder: Path, on_done=None) -> Task:  # noqa: ANN001
    """Export into a new folder inside ``parent_folder`` (in the background)."""
    db = window.ctx.db
    now = datetime.now()
    target = parent_folder / export_folder_name(now)

    def work(progress):  # noqa: ANN001
        def step(done: int, total: int, key: str) -> None:
            progress(done, total, QCoreApplication.translate("ExportEverything", "Writing the pipeline %1…").replace("%1", key) if key else "")
        return export_everything(db, target, step, when=f"{now:%Y-%m-%d %H:%M}")

    def done(result: TeamExport) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("ExportEverything", "Exported %1 deals into %2").replace("%1", f"{result.deals:,}".replace(",", " "))
            .replace("%2", str(result.folder)), 15000)
        if on_done is not None:
            on_done(result)

    return start_task(window, work, on_done=done, on_error=lambda exc: show_error(window, exc),
                      title=QCoreApplication.translate("ExportEverything", "Exporting everything…"))


def export_everything_dialog(window) -> Task | None:  # noqa: ANN001
    folder = QFileDialog.getExistingDirectory(window, QCoreApplication.translate("ExportEverything", "Export everything into a folder"), str(Path.home()))
    if not folder:
        return None
    return export_everything_to(window, Path(folder))
