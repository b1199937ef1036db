"""Production configuration: nginx (rendered by nginx_conf.py) and gunicorn."""
