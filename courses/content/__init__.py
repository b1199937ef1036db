"""The course content pipeline: a pure loader (no Django) from files to frozen dataclasses."""

from .chapters import Urls
from .loader import load_course
from .problems import ContentError, Problem

__all__ = ["ContentError", "Problem", "Urls", "load_course"]
