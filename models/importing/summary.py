"""The dry run: what an import would bring in, as the head of sales will see it afterwards."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING

from . import problems as pk
from .preset import LOST, WON
from .problems import Problem

if TYPE_CHECKING:
    from .build import Plan
    from .service import DryRun
    from .target import Target


def main_currency(plan: "Plan") -> str | None:
    counts = Counter(d.currency for d in plan.deals)
    return counts.most_common(1)[0][0] if counts else None


def summarise(plan: "Plan", target: "Target", *, database_empty: bool | None = None) -> "DryRun":
    """Counts, revenue and problems of a plan (no database access)."""
    from .service import DryRun

    run = DryRun(problems=list(plan.problems))
    run.skipped_rows = plan.skipped_rows
    run.already_imported = plan.already_imported
    stage_pos = {s.key: s.position for s in target.stages}
    per_stage: Counter[str] = Counter()
    per_currency: Counter[str] = Counter()
    won_revenue: dict[str, Decimal] = {}
    by_month: dict[str, dict[str, Decimal]] = {}
    for d in plan.deals:
        run.deals += 1
        per_stage[d.stage] += 1
        per_currency[d.currency] += 1
        if d.status == WON:
            run.won += 1
            if d.amount is not None:
                won_revenue[d.currency] = won_revenue.get(d.currency, Decimal(0)) + d.amount
                month = by_month.setdefault(d.closed_at.strftime("%Y-%m"), {})
                month[d.currency] = month.get(d.currency, Decimal(0)) + d.amount
        elif d.status == LOST:
            run.lost += 1
        else:
            run.open += 1
        run.history_entries += len(d.entries)
        for a, b in zip(d.entries, d.entries[1:]):
            if stage_pos.get(b.stage, 0) < stage_pos.get(a.stage, 0):
                run.backward_moves += 1
    run.per_stage = dict(per_stage)
    run.per_currency = dict(per_currency)
    run.won_revenue = won_revenue
    run.revenue_by_month = dict(sorted(by_month.items()))
    run.new_owners = sorted(o for o in plan.owners if o not in target.users)
    run.companies = dict(plan.duplicates.get("companies", {}))
    run.contacts = dict(plan.duplicates.get("contacts", {}))
    run.similar_companies = plan.similar_companies
    run.custom_fields = sorted(plan.custom_labels)
    main = main_currency(plan)
    if main and target.currency and main != target.currency:
        if database_empty:
            run.team_currency = main
        else:
            run.currency_warning = (f"most deals are in {main}, but the team currency is {target.currency}; "
                                    "reports count every amount in the team currency")
            run.problems.append(Problem(pk.CURRENCY_DIFFERS, run.currency_warning, value=main,
                                        severity=pk.WARNING, fix="the team currency is left as it is"))
    elif main and not target.currency:
        run.team_currency = main
    return run
