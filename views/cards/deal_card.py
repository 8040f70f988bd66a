"""The deal card (and the lead card: the same card for a deal before "Lead qualified").

Left: the fields in blocks. Right: the work on the deal — next steps (tasks), logging a
sales action, and the timeline. The stage and the owner act at once (they write events:
a move is checked against the stage's required fields, and undo removes the event);
every other field waits for Save. A field a later stage requires says from which stage.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from voronka.models.changes import Changes
from voronka.models.errors import DealChanged, StageRequirementsMissing, VoronkaError
from voronka.models.queries.board import lost_reasons
from voronka.models.queries.cards import CardData, DealCardData, deal_card, deal_timeline
from voronka.models.queries.tasks import deal_tasks
from voronka.models.services.deal_fields import save_deal_fields
from voronka.models.services.deal_guard import SeenDeal
from voronka.models.services.deals import change_owner, lose_deal, move_deal, reopen_deal, undo_events

from ..errors import show_error
from ..plain_text import plain_label
from .activity_bar import ActivityBar
from .deal_tasks import DealTasks
from .editors import ChoiceEditor, LineEditor, MultiChoiceEditor
from .form import EditorFactory
from .formatting import format_datetime
from ..field_reasons import required_text
from .record_card import RecordCard
from .timeline import TimelineView

FLAG_STYLE = "background: #c62828; color: white; border-radius: 3px; padding: 1px 6px;"


class DealCard(RecordCard):
    kind = "deal"
    data: DealCardData

    # --- building ------------------------------------------------------------------------------
    def build_side(self) -> QWidget:
        side = QWidget(self)
        self.next_step_flag = QLabel(self.tr("No next step"), self)
        self.next_step_flag.setStyleSheet(FLAG_STYLE)
        self.next_step_flag.setToolTip(self.tr("An open deal needs a task with the next step"))
        self.status_label = plain_label(parent=self)
        self.status_label.setWordWrap(True)
        self.info_line.addWidget(self.status_label, 1)
        self.info_line.addWidget(self.next_step_flag)
        self.won_button = QPushButton(self.tr("Won"), self)
        self.lost_button = QPushButton(self.tr("Lost…"), self)
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.won_button.clicked.connect(self.win)
        self.lost_button.clicked.connect(self.lose)
        self.reopen_button.clicked.connect(self.reopen)
        for button in (self.won_button, self.lost_button, self.reopen_button):
            self.header_actions.addWidget(button)
        self._side = side
        self._side_parts: tuple[DealTasks, ActivityBar, TimelineView] | None = None  # built with the first load
        box = QVBoxLayout(side)
        box.setContentsMargins(4, 0, 0, 0)
        return side

    def _parts(self) -> tuple[DealTasks, ActivityBar, TimelineView]:
        """The side's tasks, sales-action bar and timeline: built when first filled (the second
        turn of the first load), so opening a card first shows its frame without waiting for them."""
        if self._side_parts is None:
            side = self._side
            tasks, activity, timeline = DealTasks(self.ctx, side), ActivityBar(self.ctx, self), TimelineView(
                self.ctx.language, side)
            box = side.layout()
            box.addWidget(QLabel("<b>%s</b>" % self.tr("Next steps"), side))
            box.addWidget(tasks)
            box.addWidget(QLabel("<b>%s</b>" % self.tr("Log a sales action"), side))
            box.addWidget(activity)
            box.addWidget(QLabel("<b>%s</b>" % self.tr("History"), side))
            box.addWidget(timeline, 1)
            self._side_parts = (tasks, activity, timeline)
        return self._side_parts

    @property
    def tasks(self) -> DealTasks:
        return self._parts()[0]

    @property
    def activity(self) -> ActivityBar:
        return self._parts()[1]

    @property
    def timeline(self) -> TimelineView:
        return self._parts()[2]

    def fetch(self):
        deal_id = self.record_id
        return lambda session: deal_card(session, deal_id)

    def fetch_side(self):
        deal_id = self.record_id
        return lambda session, _data: (deal_timeline(session, deal_id), deal_tasks(session, deal_id))

    def title_text(self, data: CardData) -> str:
        return data.values.get("name") or ""

    def kind_text(self, data: CardData) -> str:
        return self.tr("Lead") if data.kind == "lead" else self.tr("Deal")

    def immediate_fields(self) -> set[str]:
        return {"stage", "owner"}

    def special_editors(self, data: CardData) -> dict[str, EditorFactory]:
        lang = self.ctx.language
        stages = [(s.id, ("    ↳ " if s.side else "") + s.name(lang)) for s in data.stages]

        def stage_editor(spec, parent) -> ChoiceEditor:
            editor = ChoiceEditor(spec, lang, stages, parent, allow_empty=False)
            editor.picked.connect(self.move_to)
            editor.set_read_only(data.status != "open")
            return editor

        def owner_editor(spec, parent) -> ChoiceEditor:
            editor = ChoiceEditor(spec, lang, [(u.id, u.text) for u in data.users], parent)
            editor.picked.connect(self.set_owner)
            return editor

        def people_editor(spec, parent) -> MultiChoiceEditor:
            people = [(p.id, f"{p.text} — {p.hint}" if p.hint else p.text) for p in data.people]
            return MultiChoiceEditor(spec, lang, people, parent, empty_text=self.tr("— nobody yet —"))

        def name_editor(spec, parent) -> LineEditor:
            editor = LineEditor(replace(spec, required=False), lang, parent)
            editor.line.setPlaceholderText(data.suggested_name)
            return editor

        return {"stage": stage_editor, "owner": owner_editor, "contacts": people_editor, "name": name_editor}

    def suggestion_keys(self) -> tuple[str, ...]:
        return ("source", "segment", "cohort")

    def after_fill(self) -> None:
        self._show_requirements()
        name = self.form.editors.get("name")
        if name is not None and not self.data.name_is_manual:
            name.set_hint(self.tr("Named by the convention «website - company»; it follows the company."))

    def _show_requirements(self) -> None:
        here = self.data.stage()
        lang = self.ctx.language
        for key, stage in self.data.required_from.items():
            editor = self.form.editors.get(key)
            if editor is None:
                continue
            empty = self.data.values.get(key) in (None, "", [], 0)
            if here is not None and here.position >= stage.position:
                if empty:
                    editor.set_hint(self.tr("Required since «%1» — fill it in.").replace("%1", stage.name(lang)))
            else:
                editor.set_hint(self.tr("Needed from «%1».").replace("%1", stage.name(lang)))

    def refresh_side(self, data: CardData, side: Any) -> None:
        lang = self.ctx.language
        deal_id = self.record_id
        timeline, tasks = side
        self.timeline.timeline.set_entries(timeline)
        users = [(u.id, u.text) for u in data.users]
        self.tasks.set_deal(deal_id, tasks, users, data.values.get("owner"))
        people = [(p.id, p.text) for p in data.people]
        self.activity.set_deal(deal_id, people)
        is_open = data.status == "open"
        self.next_step_flag.setVisible(is_open and not any(t.done_at is None for t in tasks))
        stage = data.stage()
        stage_name = stage.name(lang) if stage else ""
        if data.status == "won":
            text = self.tr("Won · %1").replace("%1", format_datetime(data.closed_at, lang) or stage_name)
        elif data.status == "lost":
            reason = data.lost_reason_ru if lang == "ru" else data.lost_reason_en
            text = self.tr("Lost at «%1»: %2").replace("%1", stage_name).replace("%2", reason or "")
            if data.lost_comment:
                text += f" — {data.lost_comment}"
        else:
            text = self.tr("Open · «%1»").replace("%1", stage_name)
        self.status_label.setText(text)
        self.won_button.setVisible(is_open)
        self.lost_button.setVisible(is_open)
        self.reopen_button.setVisible(not is_open)

    def clear_side(self) -> None:
        super().clear_side()
        self.status_label.clear()
        for widget in (self.next_step_flag, self.won_button, self.lost_button, self.reopen_button):
            widget.hide()
        if self._side_parts is not None:  # nothing typed for the deal before is offered for the next
            tasks, activity, timeline = self._side_parts
            tasks.title.clear()
            activity.text.clear()
            activity.choose("call", focus=False)
            timeline.timeline.set_entries([])

    def concerns(self, changes: Changes) -> bool:
        return (changes.fields or changes.funnel or self.record_id in changes.deals
                or bool(changes.companies and self.data and self.data.values.get("company") in changes.companies))

    def update_service(self):
        return save_deal_fields

    # --- actions that write events -----------------------------------------------------------
    def seen(self, _deal_id: int | None = None) -> SeenDeal:
        """The deal as this card shows it; a move, loss or reopen is checked against it."""
        return SeenDeal(self.data.values.get("stage"), self.data.status)

    def _event_action(self, text: str, service, **kw: Any) -> bool:
        ctx, deal_id = self.ctx, self.record_id
        kw["seen"] = self.seen()
        try:
            ctx.push_undoable(text, lambda: ctx.run(service, deal_id, user_id=ctx.user_id, **kw),
                              lambda done: ctx.run(undo_events, done.event_ids, user_id=ctx.user_id))
        except StageRequirementsMissing as exc:
            show_error(self, exc)
            self.reload(lambda missing=exc: self._show_missing(missing))
            return False
        except VoronkaError as exc:
            show_error(self, exc)
            if isinstance(exc, DealChanged):  # the board and other cards showing it refresh too
                self.ctx.changed.emit(Changes(deals={deal_id}))
            self.reload()
            return False
        return True

    def _show_missing(self, exc: StageRequirementsMissing) -> None:
        """Mark the fields the refused move needs, on the reloaded form."""
        lang = self.ctx.language
        target = next((s for s in self.data.stages if s.key == exc.stage_key), None)
        for key in exc.fields:
            editor = self.form.editors.get(key)
            if editor is not None:
                editor.set_problem(required_text(target.name(lang) if target else exc.name_in(lang)))

    def move_to(self, stage_id: Any) -> None:
        if stage_id is None or stage_id == self.data.values.get("stage"):
            return
        target = next(s for s in self.data.stages if s.id == stage_id)
        text = self.tr("Move «%1» to «%2»").replace("%1", self.title.text()).replace("%2", target.name(self.ctx.language))
        if not self.is_dirty():  # one step of its own, pushed only when the move is made
            self._event_action(text, move_deal, stage=stage_id)
            return
        if self.form.check()[1]:  # fields marked in red: say so before anything goes on the stack
            self.save()
            self.form.editors["stage"].show_value(self.data.values.get("stage"))
            return
        # unsaved edits and the move are one undo step
        self.ctx.undo_stack.beginMacro(text)
        try:
            if not self.save():
                self.form.editors["stage"].show_value(self.data.values.get("stage"))
                return
            self._event_action(self.tr("Move"), move_deal, stage=stage_id)
        finally:
            self.ctx.undo_stack.endMacro()

    def set_owner(self, owner_id: Any) -> None:
        if owner_id is None or owner_id == self.data.values.get("owner"):
            self.reload()
            return
        ctx, deal_id = self.ctx, self.record_id
        # the owner the card showed: a deal someone else reassigned meanwhile is refused, naming them
        seen = {deal_id: replace(self.seen(), owner_id=self.data.values.get("owner"), owner_seen=True)}
        try:
            ctx.push_undoable(self.tr("Change the owner"),
                              lambda: ctx.run(change_owner, [deal_id], owner_id, user_id=ctx.user_id, seen=seen),
                              lambda done: ctx.run(undo_events, done.event_ids, user_id=ctx.user_id))
        except VoronkaError as exc:
            show_error(self, exc)
            self.reload()

    def win(self) -> None:
        """Won — through the board's own action, so the card asks the same questions (the
        Client Success copy per the team setting, a won stage's required fields)."""
        from voronka.models.queries.board import pipelines

        from ..board.commands import BoardActions

        if self.data is None or not self.maybe_save():
            return
        key = self.data.pipeline_key
        kind = next((p.kind for p in self.ctx.query(pipelines) if p.key == key), None)
        if getattr(self, "_board_actions", None) is None:
            self._board_actions = BoardActions(self.ctx, self, lambda _deal_id: self.title.text(), self.seen)
        self._board_actions.win([self.record_id], offer_copy=kind == "sales")

    def lose(self) -> None:
        """Lost, with a reason from the team's list — the board's own dialog, so both ask the same."""
        from ..board.dialogs import LostDialog

        if self.data is None or not self.maybe_save():
            return
        dialog = LostDialog(self.ctx.query(lost_reasons), self.ctx.language, 1, self)
        if dialog.exec():
            self._event_action(self.tr("Lost"), lose_deal, reason_id=dialog.reason_id(),
                               comment=dialog.comment.toPlainText().strip() or None)

    def reopen(self) -> None:
        if self.data is None:
            return
        self._event_action(self.tr("Reopen"), reopen_deal)
