"""gunicorn settings for a Kinwell app server: `gunicorn -c deploy/gunicorn.conf.py kinwell.wsgi:application`.

Every value can be changed from the environment (the systemd unit's env file), so one
file serves every machine. Kinwell's requests are short and mostly wait on the database:
sync workers, about two per core, are enough; long work (imports, emails, signs) runs in
the worker, not here.
"""

import multiprocessing
import os

# One app server per port; nginx lists them in its upstream.
bind = os.environ.get("KINWELL_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("KINWELL_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
# A request that takes longer is stuck (a lock, a lost database): nginx's own timeout is
# a little longer, so the client gets gunicorn's answer, not a proxy error.
timeout = int(os.environ.get("KINWELL_TIMEOUT", "30"))
graceful_timeout = 20  # on restart, requests in flight get this long to finish
keepalive = 5  # nginx keeps connections to us open (upstream keepalive)
# Restart each worker after a while, so a slow leak never grows without bound; the
# jitter keeps them from all restarting at once.
max_requests = int(os.environ.get("KINWELL_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Only nginx on this machine talks to us; its X-Forwarded-* headers are trusted from there
# (Kinwell reads the client's address itself, see KINWELL_TRUSTED_PROXIES).
forwarded_allow_ips = os.environ.get("KINWELL_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("KINWELL_GUNICORN_LOG_LEVEL", "info")
# Load the app once, in the master, and fork the workers from it: a worker that is
# replaced (max_requests, a crash, a timeout) starts at once instead of importing Django
# again, which on a busy machine took longer than `timeout` and got it killed in a loop
# (the system test saw it). Django opens no database connection at import, so no
# connection is shared between workers.
preload_app = True


def when_ready(server):
    """With the app preloaded, do in the master the work each worker would otherwise do
    on its first request (URL patterns, view modules, the page layout, both languages'
    catalogues): forked workers inherit it. On a busy machine that first request took
    longer than `timeout`, and a fresh worker was killed before it ever answered."""
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver()._populate()
    for name in ("base.html", "core/problem.html"):
        get_template(name)
    for language in ("en", "es"):
        with translation.override(language):
            translation.gettext("Kinwell")
