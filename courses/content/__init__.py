"""The course content pipeline: a pure loader (no Django) from files to frozen dataclasses."""

from .chapters import Urls
from .loader import load_course
from .flags import Flag, item_flags
from .problems import ContentError, Problem

__all__ = ["ContentError", "Flag", "Problem", "Urls", "item_flags", "load_course"]
