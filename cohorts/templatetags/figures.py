"""Template filters that print statistics: a number, or a dash when undefined."""

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def fig(value: float | None, places: int = 1) -> str:
    """A figure's value rounded, or an em dash when undefined (the reason is shown beside it)."""
    return "—" if value is None else floatformat(value, places)


@register.filter
def pct(share: float | None, places: int = 0) -> str:
    """A 0..1 share as a percentage number, or an em dash when undefined."""
    return "—" if share is None else floatformat(100 * share, places)


@register.filter
def pick(key: object, mapping: dict) -> object:
    """mapping[key] in a template (a status's label), or empty."""
    return mapping.get(key, "")
