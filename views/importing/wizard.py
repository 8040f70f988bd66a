"""File → Import…: the wizard that brings a team's spreadsheets and CRM exports in.

Pages: files → columns → values → history → people and companies → dry run (Import) →
done (save the mapping). The pages fill in one ``ImportSession``; the engine
(``models.importing``) guesses, checks and writes. The dry run and the import run off the
UI thread with progress and cancel; the import is one step on the undo stack.
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWizard, QWidget

from voronka.models.importing import Preset, dry_run, import_files, suggest_preset, target_of
from voronka.models.importing.values import guess_values

from ..app_context import AppContext
from ..errors import show_error
from ..worker import Task, start_task
from .columns_page import ColumnsPage
from .done_page import DonePage
from .dry_run_page import DryRunPage
from .files_page import FilesPage
from .history_page import HistoryPage
from .people_page import PeoplePage
from .session import ImportSession, presets_folder
from .undo import push_import
from .values_page import ValuesPage


class ImportWizard(QWizard):
    FILES, COLUMNS, VALUES, HISTORY, PEOPLE, DRY_RUN, DONE = range(7)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, pipeline_key: str = "sales"):
        super().__init__(parent)
        self.ctx = ctx
        self.pipeline_key = pipeline_key
        self.session = ImportSession(language=ctx.language)
        self.session.target = ctx.query(target_of, pipeline_key)
        self.session.preset.pipeline = pipeline_key
        self.task: Task | None = None
        self._waiting: list[Callable[[], None]] = []
        self.setWindowTitle(self.tr("Import deals"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.files_page = FilesPage(self.session, self)
        self.columns_page = ColumnsPage(self.session, self)
        self.values_page = ValuesPage(self.session, self)
        self.history_page = HistoryPage(self.session, self)
        self.people_page = PeoplePage(self.session, self)
        self.dry_run_page = DryRunPage(self.session, self)
        self.done_page = DonePage(self.session, self)
        for n, page in enumerate((self.files_page, self.columns_page, self.values_page, self.history_page,
                                  self.people_page, self.dry_run_page, self.done_page)):
            self.setPage(n, page)
        self.files_page.files_changed.connect(self.suggest)
        self.columns_page.start_afresh.connect(lambda: self.suggest(saved=False))
        self.resize(1180, 700)

    # --- the mapping to start from -------------------------------------------------------------
    def suggest(self, saved: bool = True) -> None:
        """A saved preset that fits the files, else a guessed one; stage/status values guessed."""
        session = self.session
        if not session.tables:
            session.preset, session.preset_path = Preset(pipeline=self.pipeline_key), None
            return
        folders = [presets_folder()] if saved else []
        if saved:
            preset, path = self.ctx.query(suggest_preset, session.tables, folders, self.pipeline_key)
        else:
            from voronka.models.importing.guess import guess_preset

            preset, path = guess_preset(session.tables, session.target.stage_keys), None
            preset.pipeline = self.pipeline_key
        guess_values(session.tables, preset, session.target)
        session.preset, session.preset_path = preset, path
        session.align()
        session.forget_dry_run()
        if self.currentId() == self.COLUMNS:
            self.columns_page.initializePage()

    # --- the dry run, shared by the history, people and dry-run pages ----------------------------
    def need_dry_run(self, then: Callable[[], None]) -> None:
        """Call ``then`` once a dry run of the current mapping is there (computed in the background)."""
        if self.session.dry is not None:
            then()
            return
        self._waiting.append(then)
        if self.task is not None and self.task.running:
            return
        db, tables, preset = self.ctx.db, list(self.session.tables), copy.deepcopy(self.session.preset)

        def work(progress):  # noqa: ANN001
            with db.session() as s:
                return dry_run(s, tables, preset, lambda done, total: progress(done, total, ""))

        def done(result) -> None:  # noqa: ANN001
            self.session.dry = result
            waiting, self._waiting = self._waiting, []
            for fn in waiting:
                fn()

        def failed(exc: BaseException) -> None:
            self._waiting = []
            show_error(self, exc)

        self.task = start_task(self, work, on_done=done, on_error=failed, title=self.tr("Looking through the files…"))

    # --- the import ----------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.task is not None and self.task.running:
            return
        ctx, tables, preset = self.ctx, list(self.session.tables), copy.deepcopy(self.session.preset)
        user_id = ctx.user_id

        def work(progress):  # noqa: ANN001
            return ctx.db.run(import_files, tables, preset, user_id=user_id,
                              progress=lambda done, total: progress(done, total, ""))

        def done(result) -> None:  # noqa: ANN001
            self.session.result = result
            push_import(ctx, tables, preset, result, self.tr("Import of %1").replace(
                "%1", ", ".join(t.name for t in tables)))
            self.next()

        self.task = start_task(self, work, on_done=done, on_error=lambda exc: show_error(self, exc),
                               title=self.tr("Importing…"), delay_ms=0)

    def import_running(self) -> bool:
        return self.task is not None and self.task.running


def open_import_wizard(ctx: AppContext, parent: QWidget | None = None,
                       paths: list[str | Path] | None = None) -> ImportWizard:
    """Show the import wizard (window-modal), optionally with files already chosen."""
    wizard = ImportWizard(ctx, parent)
    if paths:
        wizard.files_page.add_files([Path(p) for p in paths])
    wizard.open()
    return wizard
