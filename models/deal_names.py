"""The deal naming convention: ``{website} - {company}`` (either part alone if the other is empty)."""
from __future__ import annotations

from typing import Protocol


class _Named(Protocol):
    name: str | None
    website: str | None


def suggest_deal_name(company: _Named | None) -> str:
    """The name a deal of ``company`` gets unless someone typed one."""
    if company is None:
        return ""
    return deal_name_for(company.name, company.website)


def deal_name_for(company_name: str | None, website: str | None) -> str:
    """``suggest_deal_name`` of a company not (yet) in the database."""
    return " - ".join(p for p in (website, company_name) if p)
