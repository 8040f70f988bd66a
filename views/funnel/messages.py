"""Refusals of funnel edits in the UI language (the domain says them in English, with codes)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from voronka.models import errors

CONTEXT = "FunnelMessages"
REASONS = {
    "empty_name": QT_TRANSLATE_NOOP("FunnelMessages", "A name cannot be empty."),
    "name_taken": QT_TRANSLATE_NOOP("FunnelMessages", "There is already a lost reason «%1»."),
    "won_stage": QT_TRANSLATE_NOOP("FunnelMessages", "«%1» is the won stage: it is not archived, merged or followed "
                                                     "by another stage."),
    "side_stage": QT_TRANSLATE_NOOP("FunnelMessages", "«%1» is a side stage: only main stages are merged or split."),
    "not_adjacent": QT_TRANSLATE_NOOP("FunnelMessages", "Only neighbouring stages that take new deals can be merged."),
    "archived": QT_TRANSLATE_NOOP("FunnelMessages", "«%1» is archived."),
    "merged": QT_TRANSLATE_NOOP("FunnelMessages", "«%1» was merged into another stage; undo the merge to bring it "
                                                  "back."),
    "last_stage": QT_TRANSLATE_NOOP("FunnelMessages", "«%1» is the last stage that takes new deals; a pipeline "
                                                      "needs one."),
    "has_history": QT_TRANSLATE_NOOP("FunnelMessages", "«%1» has history now, so it stays; archive it instead."),
    "not_the_stages": QT_TRANSLATE_NOOP("FunnelMessages", "The list changed meanwhile; look at it again and retry."),
    "won_not_last": QT_TRANSLATE_NOOP("FunnelMessages", "The won stage must stay the last one."),
    "billing_months": QT_TRANSLATE_NOOP("FunnelMessages", "Billing months must be a whole number from 1 to 120."),
    "last_pipeline": QT_TRANSLATE_NOOP("FunnelMessages", "«%1» is the last sales pipeline that takes deals; the team "
                                                         "needs one."),
    "other_pipeline": QT_TRANSLATE_NOOP("FunnelMessages", "«%1» is in another pipeline."),
}
CHANGED = {
    "stage": QT_TRANSLATE_NOOP("FunnelMessages", "%1 changed the stage «%2»%3 since you looked at it; nothing was "
                                                 "written. The editor now shows it as it is."),
    "pipeline": QT_TRANSLATE_NOOP("FunnelMessages", "%1 changed the pipeline «%2»%3 since you looked at it; nothing "
                                                    "was written. The editor now shows it as it is."),
    "lost_reason": QT_TRANSLATE_NOOP("FunnelMessages", "%1 changed the lost reason «%2»%3 since you looked at it; "
                                                       "nothing was written. The editor now shows it as it is."),
    "order": QT_TRANSLATE_NOOP("FunnelMessages", "%1 changed the order of «%2»%3 since you looked at it; nothing was "
                                                 "written. The editor now shows it as it is."),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _name(names: dict[str, str], language: str) -> str:
    return names.get(language) or names.get("en") or names.get("ru") or ""


def funnel_message(exc: BaseException, language: str) -> str:
    """One sentence for a funnel refusal."""
    if isinstance(exc, errors.FunnelEditRefused):
        return _tr(REASONS.get(exc.reason, "%1")).replace("%1", _name(exc.names, language)) \
            if exc.reason in REASONS else str(exc)
    if isinstance(exc, errors.FunnelChanged):
        who = exc.who or QCoreApplication.translate("FunnelMessages", "Someone")
        when = QCoreApplication.translate("FunnelMessages", " at %1").replace("%1", errors.when_text(exc.at)) \
            if exc.at else ""
        return (_tr(CHANGED.get(exc.what, CHANGED["stage"])).replace("%1", who)
                .replace("%2", _name(exc.names, language)).replace("%3", when))
    if isinstance(exc, errors.StageArchived):
        return QCoreApplication.translate("FunnelMessages", "The stage «%1» is archived: it takes no new deals.") \
            .replace("%1", _name(exc.names, language))
    return str(exc)
