"""WSGI entry point: `gunicorn config.wsgi`. Loads the course as the worker starts."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Here rather than in AppConfig.ready, so `manage.py validate_content` can still report broken
# content: the first reader no longer waits for the load, and a broken course stops the worker.
from courses.catalog import get_course  # noqa: E402 (needs the app registry built above)

get_course()
