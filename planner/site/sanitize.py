"""Plan bodies are untrusted HTML once Markdown has rendered them: clean them with nh3.

nh3 binds ammonia (Rust), a maintained allowlist sanitizer: no scripts, no event handlers,
no `javascript:` URLs. Images may only come from the site itself, so a page never reaches
out to the network when it is read.
"""

from __future__ import annotations

import re

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) | {"input"} - {"map", "area"}
_ATTRIBUTES: dict[str, set[str]] = {k: set(v) for k, v in nh3.ALLOWED_ATTRIBUTES.items() if k not in ("map", "area")}
_ATTRIBUTES["*"] = {"id", "class", "title", "lang", "dir"}
_ATTRIBUTES["a"] = {"href", "hreflang", "title"}
_ATTRIBUTES["img"] = {"src", "alt", "width", "height", "title"}
_ATTRIBUTES["input"] = {"type", "checked", "disabled"}
_ATTRIBUTES["details"] = {"open"}
_URL_SCHEMES = {"http", "https", "mailto"}
_HAS_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and _HAS_SCHEME.match(value):
        return None  # a remote image would be a network request at view time
    if tag == "input" and attribute == "type" and value != "checkbox":
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    attribute_filter=_filter,
    url_schemes=_URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
)


def clean_html(html: str) -> str:
    """Markup a browser can show but not run."""
    return _CLEANER.clean(html)
