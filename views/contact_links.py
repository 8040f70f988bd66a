"""Phones open ``tel:`` and e-mail addresses ``mailto:`` in the system's dialler and mail program.

The URL is built from the stored (normalised) value through ``QUrl``'s own components, never
by pasting user text into a string, so a value cannot add a subject, a body or another
recipient; a value that is not a valid phone or address gives no link at all.
"""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from voronka.models.fields import FieldInvalid
from voronka.models.fields.phone import normalise_phone
from voronka.models.fields.web import normalise_email


def phone_url(text: str | None) -> QUrl | None:
    """``tel:+79161234567`` for a phone as stored or typed; None when it is not a phone."""
    try:
        e164 = normalise_phone(text or "")
    except FieldInvalid:
        return None
    url = QUrl()
    url.setScheme("tel")
    url.setPath(e164)  # "+" and digits only
    return url


def email_url(text: str | None) -> QUrl | None:
    """``mailto:name@acme.ru`` for an address; None when it is not an e-mail address."""
    try:
        address = normalise_email(text or "")
    except FieldInvalid:
        return None
    if any(c in address for c in "?&#,;% \t\r\n"):  # would start a header or a second address
        return None
    url = QUrl()
    url.setScheme("mailto")
    url.setPath(address, QUrl.ParsingMode.DecodedMode)
    return url


def contact_url(kind: str, text: str | None) -> QUrl | None:
    """The link of a ``phone`` or ``email`` value (None for anything else)."""
    if kind == "phone":
        return phone_url(text)
    if kind == "email":
        return email_url(text)
    return None


def open_contact_link(kind: str, text: str | None) -> bool:
    """Open the phone or address in the system's program; False when there is no link."""
    url = contact_url(kind, text)
    return url is not None and QDesktopServices.openUrl(url)
