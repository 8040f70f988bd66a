"""What a new team's empty pages need to know: does the database hold any record of the team yet."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..orm import Company, Contact, Deal


@dataclass(frozen=True, slots=True)
class TeamRecords:
    deals: bool
    companies_or_contacts: bool

    @property
    def none(self) -> bool:
        """Nothing of a team's own yet: the only database the demo may be loaded into from the UI."""
        return not (self.deals or self.companies_or_contacts)


def team_records(session: Session) -> TeamRecords:
    """Whether any deal, company or contact exists (three ``LIMIT 1`` reads)."""
    def exists(column) -> bool:  # noqa: ANN001 - a mapped id column
        return session.scalar(select(column).limit(1)) is not None

    return TeamRecords(deals=exists(Deal.id), companies_or_contacts=exists(Company.id) or exists(Contact.id))
