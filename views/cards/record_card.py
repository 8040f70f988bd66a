"""What every card shares: a header, the form of blocks, Save/Revert, the undo stack, merging.

A card edits a copy of the record: changes are checked field by field as the user
leaves a field, and Save (Ctrl+S) sends all changed fields to one domain service in
one transaction, pushed on the undo stack with the old values for undo. Nothing
refused is ever sent. The card reloads itself when ``ctx.changed`` names its record
(unless the user has unsaved edits, which are never overwritten).

Loading never runs on the UI thread: the record, what the side shows and the fields'
suggestions are read in one background job on the application's executor (``reload``),
and the card fills in when the answer arrives (``loaded``), in two turns of the event loop
so neither holds the window long: the header and the fields first, then the side (lists,
timeline). A newer load supersedes an older one, so a stale answer never overwrites a
newer one; a card closed meanwhile just gets no answer.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.errors import EditConflict, NotFound, VoronkaError
from voronka.models.fields import FieldsInvalid
from voronka.models.queries.cards import CardData, company_choices

from ..app_context import AppContext
from ..errors import show_error
from ..one_slice import run_as_slice
from ..plain_text import as_rich_text, plain_label
from ..undo import push_creation, push_guarded
from .dialogs import DuplicateDialog, PickRecordDialog
from .form import CardForm, EditorFactory
from .suggestions import SuggestionLists
from ..style_roles import set_role

KIND_STYLE = "QLabel#kindBadge { background: %s; color: white; border-radius: 3px; padding: 1px 6px; }"
KIND_COLOURS = {"deal": "#1565c0", "lead": "#6a1b9a", "company": "#2e7d32", "contact": "#ef6c00"}


class RecordCard(QWidget):
    """Base of the deal, company and contact cards."""

    kind = ""
    title_changed = Signal(str)
    gone = Signal()  # the record no longer exists (merged away, creation undone)
    host_toggle_requested = Signal()
    loaded = Signal()  # a background load arrived and the card shows it

    def __init__(self, ctx: AppContext, record_id: int | None, parent: QWidget | None = None,
                 defaults: Mapping[str, Any] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.built_language = ctx.language  # its labels' language (a kept card is reused only in it)
        self.record_id = record_id
        self.defaults = dict(defaults or {})
        self.data: CardData | None = None
        self.form: CardForm | None = None
        self.loading = False
        self._want_fill = False  # a load asked to rebuild the form (not only the side)
        self._force_fill = False  # …even over unsaved edits (Revert, an action that was refused)
        self._after_fill: list[Callable[[], None]] = []
        self._asked = 0  # loads asked for; only the answer to the last one ends ``loading``
        self._side_due: tuple[int, CardData, Any] | None = None  # the side to fill on the next turn
        self.badge = plain_label(parent=self)
        self.badge.setObjectName("kindBadge")
        self.title = plain_label(parent=self)  # a name is shown as typed, never as markup
        self.title.setObjectName("cardTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save the changed fields (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setToolTip(self.tr("Forget the unsaved changes"))
        self.revert_button.clicked.connect(self.revert)
        self.host_button = QToolButton(self)
        self.host_button.setText("⇆")
        self.host_button.setToolTip(self.tr("Show cards in a separate window or in the side panel"))
        self.host_button.clicked.connect(self.host_toggle_requested.emit)
        self.header = QHBoxLayout()
        self.header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.header.addWidget(self.title, 1)
        self.header_actions = QHBoxLayout()
        self.header.addLayout(self.header_actions)
        self.header.addWidget(self.revert_button)
        self.header.addWidget(self.save_button)
        self.header.addWidget(self.host_button)
        self.status_line = plain_label(parent=self)
        self.status_line.setWordWrap(True)
        self.info_line = QHBoxLayout()
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setMinimumWidth(380)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.scroll)
        side = self.build_side()
        if side is not None:
            self.splitter.addWidget(side)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 4)
            # 3 : 4 from the start: the side is filled a turn later, and sized by its (then empty)
            # hint the form took two thirds and the next steps were cut
            self.splitter.setSizes([3000, 4000])
        box = QVBoxLayout(self)
        box.addLayout(self.header)
        box.addLayout(self.info_line)
        box.addWidget(self.splitter, 1)
        box.addWidget(self.status_line)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        SuggestionLists.of(ctx)  # connected to ``changed`` before this card: it forgets first, the card reads after
        ctx.changed.connect(self._on_changed)
        self.placeholder = QLabel(QCoreApplication.translate("RecordCard", "Loading…"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.placeholder)
        self.reload()

    # --- for subclasses ------------------------------------------------------------------------
    def fetch(self) -> Callable[[Any], CardData]:
        """The read of the card's data, run on the executor (it must not touch widgets)."""
        raise NotImplementedError

    def fetch_side(self) -> Callable[[Any, CardData], Any] | None:
        """The read of what the side shows (timeline, tasks…), in the same background job."""
        return None

    def suggestion_keys(self) -> tuple[str, ...]:
        """Text fields offering the values already used (read once, cached per kind)."""
        return ()

    def after_fill(self) -> None:
        """Called once the form shows freshly loaded data."""

    def title_text(self, data: CardData) -> str:
        raise NotImplementedError

    def kind_text(self, data: CardData) -> str:
        raise NotImplementedError

    def build_side(self) -> QWidget | None:
        return None

    def refresh_side(self, data: CardData, side: Any) -> None:
        """Fill the side panel (lists, timeline) from freshly loaded data (``side``: what
        ``fetch_side`` read)."""

    def special_editors(self, data: CardData) -> dict[str, EditorFactory]:
        return {}

    def immediate_fields(self) -> set[str]:
        return set()

    def concerns(self, changes: Changes) -> bool:
        """Whether ``changes`` touch what this card shows."""
        return changes.fields

    def create_service(self) -> Callable[..., Changes] | None:
        return None

    def update_service(self) -> Callable[..., Changes]:
        raise NotImplementedError

    def delete_service(self) -> Callable[..., Changes] | None:
        return None

    def find_duplicates(self, values: dict[str, Any]) -> list:
        return []

    def merge_services(self) -> tuple[Callable, Callable] | None:
        """(run_merge(session, keep, drop) -> (Changes, snapshot), undo_merge(session, snapshot))."""
        return None

    def merge_choices(self) -> list[tuple[int, str]]:
        return []

    # --- loading -------------------------------------------------------------------------------
    def company_choices(self) -> list[tuple[int, str]]:
        return [(c.id, c.text) for c in self.ctx.query(company_choices)]

    def reload(self, then: Callable[[], None] | None = None, *, keep_edits: bool = False) -> None:
        """Read the record again in the background and show it (``then`` runs after).
        ``keep_edits``: unsaved edits stay (only the side refreshes) if there are any then."""
        self._want_fill = True
        self._force_fill = self._force_fill or not keep_edits
        if then is not None:
            self._after_fill.append(then)
        self._request()

    def refresh_side_soon(self) -> None:
        """Read again what the side shows (the form and its edits stay as they are)."""
        self._request()

    def _request(self) -> None:
        fetch, fetch_side = self.fetch(), self.fetch_side()
        suggest = SuggestionLists.of(self.ctx).loader(self.kind if self.kind != "lead" else "deal",
                                                      self.suggestion_keys())

        def read(session: Any) -> tuple[CardData, Any, tuple]:
            data = fetch(session)
            side = fetch_side(session, data) if fetch_side is not None else None
            return data, side, suggest(session)

        self.loading = True
        self._asked += 1
        asked = self._asked
        self.ctx.executor.query(read, on_done=lambda result: self._on_loaded(result, asked),
                                on_error=lambda exc: self._on_load_failed(exc, asked), owner=self,
                                key=f"card:{id(self)}")

    def _on_load_failed(self, exc: BaseException, asked: int | None = None) -> None:
        if asked is None or asked == self._asked:
            self.loading = False
        self._side_due = None
        self._after_fill.clear()
        if isinstance(exc, NotFound):
            self.gone.emit()
            return
        self.ctx.error.emit(exc)

    def _on_loaded(self, result: tuple[CardData, Any, tuple], asked: int | None = None) -> None:
        """The answer arrived: the header and the fields now; the side on the next turn."""
        data, side, (entity, version, lists) = result
        SuggestionLists.of(self.ctx).keep(entity, version, lists)
        fill = self._want_fill and (self._force_fill or not self.is_dirty())
        self._want_fill = self._force_fill = False  # before filling: a reload asked meanwhile fills again
        if fill:
            self._fill(data, lists)
        self._update_buttons()
        first = self._side_due is None
        self._side_due = (self._asked if asked is None else asked, data, side)
        if first:  # a timer, not a queued call: the fields are painted (and the window answers) first
            QTimer.singleShot(1, self, lambda: run_as_slice(self, self._fill_side))

    def _fill_side(self) -> None:
        """The second turn of a load: the side, what waited for the load, then ``loaded``."""
        if self._side_due is None:  # the load failed meanwhile
            return
        asked, data, side = self._side_due
        self._side_due = None
        self.refresh_side(data, side)
        if self.splitter.count() > 1:
            self.splitter.widget(1).show()  # hidden while the card was parked
        if asked == self._asked:  # no newer load is on its way
            self.loading = False
        then, self._after_fill = self._after_fill, []
        for callback in then:
            callback()
        self.loaded.emit()

    def _fill(self, data: CardData, suggestions: dict[str, list[str]]) -> None:
        self.data = data
        values = dict(data.values)
        if self.record_id is None:
            values.update(self.defaults)
        collapsed = {k: b.is_collapsed() for k, b in self.form.blocks.items()} if self.form else {}
        scroll_pos = self.scroll.verticalScrollBar().value()
        self.form = CardForm(
            data.layout, data.fields, values, self.ctx.language, currency=data.currency,
            special=self.special_editors(data), suggestions=suggestions,
            companies=self.company_choices, current_company=(values.get("company"), data.company_name),
            immediate=self.immediate_fields(), parent=self)
        for key, was in collapsed.items():
            if key in self.form.blocks:
                self.form.blocks[key].set_collapsed(was)
        self.form.dirty_changed.connect(self._update_buttons)
        if self.record_id is None:
            for key in self.defaults:  # preset values of a new record count as edits
                if key in self.form.editors:
                    self.form.editors[key]._initial = None
        self.scroll.setWidget(self.form)
        self.scroll.verticalScrollBar().setValue(scroll_pos)
        self.badge.setText(self.kind_text(data))
        self.badge.setStyleSheet(KIND_STYLE % KIND_COLOURS.get(data.kind, "#555"))
        title = self.title_text(data)
        self.title.setText(title)
        self.title_changed.emit(title)
        self.after_fill()

    # --- reuse ---------------------------------------------------------------------------------
    parked = False  # closed and kept to show the next record of its kind (``views/cards/host.py``)

    def park(self) -> None:
        """The card's window closed and keeps it for the next record of its kind: forget this
        record — its answer still on the way, its fields, its title and its side — so nothing of
        it can show under another record's name."""
        self.parked = True
        self.ctx.executor.supersede(f"card:{id(self)}")
        self.loading = False
        self._side_due = None
        self._after_fill.clear()
        self._want_fill = self._force_fill = False
        self.data = None
        self.form = None
        self.placeholder = QLabel(QCoreApplication.translate("RecordCard", "Loading…"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.placeholder)  # the old fields go with the widget it replaces
        self.badge.clear()
        self.title.clear()
        self.status_line.clear()
        self.clear_side()

    def show_record(self, record_id: int) -> None:
        """Show another record of the same kind in this (parked) card: its widgets stay, its fields
        and side fill in from a fresh read."""
        self.parked = False
        self.record_id = record_id
        self.reload()

    def clear_side(self) -> None:
        """Hide what the side showed of the record before (it shows again when refilled)."""
        side = self.splitter.widget(1) if self.splitter.count() > 1 else None
        if side is not None:
            side.hide()

    def _on_changed(self, changes: Changes) -> None:
        if self.parked:
            return
        if self.concerns(changes):
            self.reload(keep_edits=True)  # unsaved edits are never overwritten: then only the side refreshes

    def _update_buttons(self, *_args: Any) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty or self.record_id is None)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status_line.setText(self.tr("Unsaved changes — Ctrl+S saves them."))
        elif not (self.form and self.form.problems()):
            self.status_line.clear()

    def is_dirty(self) -> bool:
        return self.form is not None and self.form.is_dirty()

    # --- saving --------------------------------------------------------------------------------
    def revert(self) -> None:
        self.reload()

    def save(self) -> bool:
        """Check and save the changed fields; True when nothing is left unsaved."""
        if self.form is None:
            return True
        values, problems = self.form.check()
        if problems:
            self.status_line.setText(self.tr("Nothing was saved: fix the fields marked in red."))
            set_role(self.status_line, "error")
            return False
        set_role(self.status_line, "")
        if not values and self.record_id is not None:
            return True
        if self.record_id is None or any(k in values for k in self.duplicate_keys()):
            duplicates = self.find_duplicates(values)
            if duplicates:
                outcome = self._resolve_duplicates(duplicates, values)
                if outcome != "save":
                    return outcome == "merged"
        try:
            self._write(values)
        except FieldsInvalid as exc:
            self.form.show_problems(exc.problems)
            self.status_line.setText(self.tr("Nothing was saved: fix the fields marked in red."))
            return False
        except EditConflict as exc:
            return self._resolve_conflict(exc, values)
        except VoronkaError as exc:
            show_error(self, exc)
            return False
        self._saved()
        return True

    def _saved(self) -> None:
        """What was typed is saved: nothing is unsaved now; the fresh record follows in the background."""
        if self.form is not None:
            self.form.mark_clean()
        self._update_buttons()
        self.reload(keep_edits=True)

    def _resolve_conflict(self, conflict: EditConflict, values: dict[str, Any]) -> bool:
        """Someone else saved some of these fields differently: show theirs and mine per
        field and save only what the user chooses, on the version they have now seen."""
        from ..conflicts.dialog import ConflictDialog
        from ..errors import field_label

        dialog = ConflictDialog(conflict, lambda key: self._field_label(key, field_label), parent=self)
        if not dialog.exec():
            self.status_line.setText(self.tr("Nothing was saved: someone else changed this record meanwhile."))
            return False
        clashing = {c.field for c in conflict.conflicts}
        keep = {k: v for k, v in values.items() if k not in clashing or k in dialog.mine_fields()}
        try:
            self._write(keep, version=conflict.version, original=conflict.theirs)
        except VoronkaError as exc:
            show_error(self, exc)
            return False
        self._saved()
        return True

    def _field_label(self, key: str, fallback: Callable[[str], str]) -> str:
        spec = self.data.fields.get(key) if self.data else None
        return spec.label(self.ctx.language) if spec is not None and hasattr(spec, "label") else fallback(key)

    def duplicate_keys(self) -> tuple[str, ...]:
        return ()

    def _write(self, values: dict[str, Any], version: int | None = None,
               original: Mapping[str, Any] | None = None) -> None:
        """Create the record, or save ``values`` on the version the card was loaded at
        (``version``/``original``: what a resolved conflict showed instead)."""
        name = self.title.text() or self.kind_text(self.data)
        ctx = self.ctx  # the undo commands outlive this card
        if self.record_id is None:
            create = self.create_service()
            made = push_creation(ctx, self.tr("Create %1").replace("%1", name), lambda: ctx.run(create, values),
                                 kind={"company": "companies", "contact": "contacts"}[self.kind])
            self.record_id = made.created[0]
            self.defaults = {}
            return
        if not values:
            return
        source = self.data.values if original is None else original
        old = {k: source.get(k) for k in values}
        seen = self.data.version if version is None else version
        record_id, update = self.record_id, self.update_service()
        push_guarded(ctx, self.tr("Edit %1").replace("%1", name), self.kind, record_id, list(values),
                     lambda s: update(s, record_id, values, seen_version=seen, original=old),
                     lambda s: update(s, record_id, old), name=name)

    def _resolve_duplicates(self, duplicates: list, values: dict[str, Any]) -> str:
        """Ask what to do about look-alikes: "save" this record, "merged" into one, or "stop"."""
        dialog = DuplicateDialog(duplicates, self)
        dialog.merge_button.setEnabled(self.merge_services() is not None)
        choice = dialog.exec()
        if choice == DuplicateDialog.SAVE:
            return "save"
        if choice == DuplicateDialog.OPEN:
            self.ctx.open_record.emit(self.kind, dialog.chosen_id())
            return "stop"
        if choice != DuplicateDialog.MERGE:
            return "stop"
        self.ctx.undo_stack.beginMacro(self.tr("Merge into an existing record"))
        try:
            self._write(values)
            self.merge(dialog.chosen_id(), self.record_id)
        except FieldsInvalid as exc:
            self.form.show_problems(exc.problems)
            return "stop"
        except VoronkaError as exc:
            show_error(self, exc)
            return "stop"
        finally:
            self.ctx.undo_stack.endMacro()
        return "merged"

    # --- merging -------------------------------------------------------------------------------
    def ask_merge(self) -> None:
        """Merge another record into this one (this one is kept)."""
        if self.record_id is None or not self.maybe_save():
            return
        dialog = PickRecordDialog(self.tr("Merge"), self.tr("Which record is the same as this one? It will be merged "
                                                            "into this card; its deals, people and history move here."),
                                  [c for c in self.merge_choices() if c[0] != self.record_id], self)
        if dialog.exec() and dialog.chosen_id() is not None:
            try:
                self.merge(self.record_id, dialog.chosen_id())
            except VoronkaError as exc:
                show_error(self, exc)

    def merge(self, keep_id: int, drop_id: int) -> None:
        run_merge, undo_merge = self.merge_services()
        snapshots: dict[str, Any] = {}

        ctx = self.ctx

        def do() -> Changes:
            def service(session) -> Changes:
                changes, snap = run_merge(session, keep_id, drop_id)
                ctx.on_commit(lambda: snapshots.update(last=snap))  # the undo of what was written
                return changes
            return ctx.run(service)

        def undo(_changes: Changes) -> Changes:
            return ctx.run(undo_merge, snapshots["last"])

        switching = self.record_id == drop_id  # this card's record goes away: show the kept one
        if switching:
            self.record_id = keep_id
        try:
            self.ctx.push_undoable(self.tr("Merge"), do, undo)
        except VoronkaError:
            if switching:
                self.record_id = drop_id
            raise
        self.reload()

    # --- closing -------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Before leaving the card: save, discard or stay. True when it is fine to leave."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), as_rich_text(self.tr("Save the changes to «%1»?").replace("%1", self.title.text())),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def editor(self, key: str):
        return self.form.editors[key]
