"""E-mail addresses, websites (normalised to a bare domain) and links.

A website is the company's identity hint, so ``https://www.Acme.ru/about`` and
``acme.ru`` must become the same text: lower case, no scheme, no ``www.``, no path.
Cyrillic domains stay readable (``пример.рф``); punycode input is decoded.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from . import errors as e
from .errors import FieldInvalid

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$")
_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")


def _ascii_host(host: str) -> str | None:
    """The host in ASCII (punycode) if it is a valid domain name, else None."""
    host = host.strip().rstrip(".").lower()
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(x) for x in labels) or not _TLD.match(labels[-1]):
        return None
    return ascii_host


def _readable(ascii_host: str) -> str:
    try:
        return ascii_host.encode("ascii").decode("idna")
    except UnicodeError:
        return ascii_host


def normalise_domain(text: str, field: str = "website") -> str:
    """``https://www.Acme.ru/about?x`` -> ``acme.ru``."""
    raw = text.strip()
    if "://" not in raw:
        raw = "http://" + raw
    try:
        host = urlsplit(raw).hostname or ""
    except ValueError as exc:
        raise FieldInvalid(field, e.DOMAIN_FORMAT, "not a website address") from exc
    ascii_host = _ascii_host(host)
    if ascii_host is None:
        raise FieldInvalid(field, e.DOMAIN_FORMAT, "not a website address (like acme.ru)")
    if ascii_host.startswith("www."):
        ascii_host = ascii_host[4:]
    return _readable(ascii_host)


def normalise_url(text: str, field: str = "url") -> str:
    """A link with a scheme and a lower-case host: ``vk.com/Acme`` -> ``https://vk.com/Acme``."""
    raw = text.strip()
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise FieldInvalid(field, e.URL_FORMAT, "not a link") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FieldInvalid(field, e.URL_FORMAT, "a link starts with http:// or https://")
    ascii_host = _ascii_host(parts.hostname or "")
    if ascii_host is None:
        raise FieldInvalid(field, e.URL_FORMAT, "not a link (like https://acme.ru/page)")
    netloc = _readable(ascii_host) + (f":{port}" if port else "")
    path = parts.path if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, parts.fragment))


def normalise_links(text: str, field: str = "links") -> str:
    """One link per line (commas and spaces also separate), each normalised; duplicates dropped."""
    out: list[str] = []
    for piece in re.split(r"[\s,;]+", text.strip()):
        if piece:
            link = normalise_url(piece, field)
            if link not in out:
                out.append(link)
    return "\n".join(out)


def normalise_email(text: str, field: str = "email") -> str:
    """``Ivan.Petrov@Acme.RU`` -> ``ivan.petrov@acme.ru``; refuses what cannot be an address."""
    raw = text.strip()
    if raw.lower().startswith("mailto:"):
        raw = raw[7:]
    raw = raw.strip().strip("<>")
    local, at, host = raw.rpartition("@")
    if not at or not local or ".." in local or local.startswith(".") or local.endswith("."):
        raise FieldInvalid(field, e.EMAIL_FORMAT, "not an e-mail address (like name@acme.ru)")
    if not _LOCAL.match(local) or len(local) > 64:
        raise FieldInvalid(field, e.EMAIL_FORMAT, "not an e-mail address (like name@acme.ru)")
    ascii_host = _ascii_host(host)
    if ascii_host is None:
        raise FieldInvalid(field, e.EMAIL_FORMAT, "the part after @ is not a domain (like acme.ru)")
    return f"{local.lower()}@{_readable(ascii_host)}"
