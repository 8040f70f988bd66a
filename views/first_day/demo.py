"""Load the demo into an empty database from the UI: asked first, built in the background.

The same domain service as ``voronka demo`` (``models.demo.build_demo``), which refuses a
database that holds deals — checked again inside its write transaction, so a colleague's
first deal is never mixed with demo data. The UI offers it only on a database with no deal,
company or contact (``TeamData.demo_allowed``). The work runs on the application's executor
with a progress dialog; Cancel rolls the whole demo back (it is one transaction).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from voronka.models.change_feed import everything_changed
from voronka.models.demo import DEFAULT_DEALS, DemoRefused, build_demo

from ..errors import show_error
from ..executor import Job
from ..plain_text import as_rich_text
from .team_data import team_data

DEMO_DEALS = DEFAULT_DEALS  # tests make it smaller
STEPS = 7  # the messages build_demo reports: generate, companies, deals, Client Success, work, commit, done


def ask_demo(parent: QWidget | None) -> bool:
    """Ask before the demo goes in; the demo's records cannot be told from real ones later."""
    title = QCoreApplication.translate("FirstDay", "Load demo data")
    box = QMessageBox(QMessageBox.Icon.Question, title,
                      QCoreApplication.translate("FirstDay", "Fill this database with a made-up sales team?"),
                      parent=parent)
    text = QCoreApplication.translate(
        "FirstDay", "Voronka adds a demo team of seven and %1 deals over two years, with their companies, "
        "contacts, tasks and plans, so that every page and report has something to show. Demo deals cannot be "
        "told apart from real ones later: keep your team's real work in another file (File → New database).")
    box.setInformativeText(as_rich_text(text.replace("%1", f"{DEMO_DEALS:,}".replace(",", "\u00a0"))))
    load = box.addButton(title, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is load


def load_demo(ctx, parent: QWidget | None, ask=None) -> Job | None:  # noqa: ANN001
    """Ask, then build the demo on the executor with progress; None when the user said no."""
    if not (ask or ask_demo)(parent):
        return None
    db, deals = ctx.db, DEMO_DEALS
    title = QCoreApplication.translate("FirstDay", "Load demo data")
    dialog = QProgressDialog(QCoreApplication.translate("FirstDay", "Loading demo data…"),
                             QCoreApplication.translate("FirstDay", "Cancel"), 0, STEPS, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)

    def work(job: Job):  # noqa: ANN202 - on the worker thread
        done = [0]

        def step(_message: str) -> None:  # build_demo's own messages are English log lines
            done[0] += 1
            if done[0] < STEPS:  # the last comes after the commit: too late to cancel (and roll back)
                job.progress(done[0], STEPS, "")

        build_demo(db, deals, progress=step)
        with db.session() as session:
            return everything_changed(session)

    def finished() -> None:
        dialog.hide()  # not close(): a closed progress dialog says "canceled"
        dialog.deleteLater()

    def on_done(changes) -> None:  # noqa: ANN001
        finished()
        ctx.changed.emit(changes)  # this window wrote: its own watcher skips the feed row

    def on_error(exc: BaseException) -> None:
        finished()
        if isinstance(exc, DemoRefused):
            QMessageBox.information(parent, title, QCoreApplication.translate(
                "FirstDay", "The database holds deals now, so the demo was not loaded: demo data never mixes with "
                "a team's own. Open a new file (File → New database) to look around in the demo."))
            team_data(ctx).refresh()
            return
        show_error(parent, exc)

    job = ctx.executor.submit(work, on_done=on_done, on_error=on_error,
                              on_progress=lambda done, total, _text: dialog.setValue(done))
    dialog.canceled.connect(job.cancel)
    dialog.canceled.connect(finished)

    def cancelled_too_late() -> None:  # Cancel pressed after the commit: the demo is in, say so
        if job.cancelled and job.error is None and job.result is not None:
            ctx.changed.emit(job.result)

    job.finished.append(cancelled_too_late)
    dialog.show()
    return job
