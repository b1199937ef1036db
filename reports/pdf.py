"""PDF rendering with WeasyPrint: only the app's own static files are ever fetched."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


class StaticOnlyFetcher(URLFetcher):
    """Serves `<site>/static/...` from the app's static files; refuses every other URL."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=())
        self.prefix = f"{settings.STUDYHALL_SITE_URL}/{settings.STATIC_URL.strip('/')}/"
        self.refused: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        """The static file's bytes, or an error (WeasyPrint then leaves the resource out)."""
        path = _static_path(url[len(self.prefix) :]) if url.startswith(self.prefix) else None
        if path is None:
            self.refused.append(url)
            raise ValueError(f"not an app static file: {url[:200]}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})


def _static_path(relative: str) -> Path | None:
    if ".." in relative.split("/") or "?" in relative or "#" in relative:
        return None
    found = finders.find(relative)
    if found:
        return Path(found)
    collected = Path(settings.STATIC_ROOT) / relative
    return collected if collected.is_file() else None


def html_to_pdf(html: str, fetcher: StaticOnlyFetcher | None = None) -> bytes:
    """PDF from HTML; relative URLs resolve against the site and are read from disk."""
    fetcher = fetcher or StaticOnlyFetcher()
    base = settings.STUDYHALL_SITE_URL + "/"
    return HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf()


def render_pdf(template: str, context: dict) -> bytes:
    """Render a template to PDF."""
    return html_to_pdf(render_to_string(template, context))
