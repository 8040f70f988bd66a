"""The ORM: one module per noun of spec/funnel.md."""
from .activity import SALES_ACTION_TYPES, Activity, ActivityType
from .base import Base
from .company import Company
from .contact import Contact, ContactType
from .custom_field import CustomField, CustomFieldValue
from .deal import Deal, DealStatus, deal_contacts
from .event import DealEvent, EventKind
from .funnel_change import FunnelChange
from .import_batch import ImportBatch, ImportRecord
from .lost_reason import LostReason
from .pipeline import Pipeline, PipelineKind, Stage
from .plan import Plan
from .setting import Setting
from .snapshot import ReportSnapshot
from .task import Task
from .user import Role, User

__all__ = [
    "SALES_ACTION_TYPES", "Activity", "ActivityType", "Base", "Company", "Contact", "ContactType",
    "CustomField", "CustomFieldValue", "Deal", "DealEvent", "DealStatus", "EventKind", "FunnelChange", "ImportBatch", "ImportRecord", "LostReason",
    "Pipeline", "PipelineKind", "Plan", "ReportSnapshot", "Role", "Setting", "Stage", "Task", "User",
    "deal_contacts",
]
