"""The production topology, started and broken on purpose: `make system-test`.

Starts, in a temp dir, everything `deploy/` describes, on 127.0.0.1 only: PostgreSQL,
Redis, two gunicorn app servers behind nginx (with `deploy/gunicorn.conf.py` and
`deploy/nginx/kinwell-proxy.conf` as they are), the worker and two schedulers, each
restarted when it exits, as systemd's `Restart=always` would. Simulated people then sign
in, check in through the API with an Idempotency-Key (a failed write is retried with the
same key), open their circle and answer its daily question (when the build has it),
search the help finder and read an article, while the script kills one app server with SIGKILL, restarts PostgreSQL in immediate mode and
restarts Redis. At the end it checks against the database and prints:

- acknowledged check-ins lost (must be 0) and retried keys saved twice (must be 0);
- errors outside the outage windows (+ a grace period; must be 0);
- how long the site took to answer healthy again after each fault (must be <= 5 s);
- that a login lockout made through one app server holds on the other;
- that a reminder due while two schedulers run is sent once;
- requests per second and p50/p95/p99 per kind of request, and the machine's load.

Knobs (environment): SYSTEM_TEST_SECONDS (120), SYSTEM_TEST_PEOPLE (32),
SYSTEM_TEST_THINK (mean seconds between one person's requests, 2.0),
SYSTEM_TEST_WORKERS (gunicorn workers per app server, 3). Needs root to install the
Debian packages it lacks (nginx, postgresql, redis-server, python3-redis) and to run
PostgreSQL as the postgres user. Not a pytest file: it runs for minutes.
"""

import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = str(REPO / ".venv" / "bin" / "python")
SECONDS = int(os.environ.get("SYSTEM_TEST_SECONDS", "120"))
PEOPLE = int(os.environ.get("SYSTEM_TEST_PEOPLE", "32"))
THINK = float(os.environ.get("SYSTEM_TEST_THINK", "2.0"))
WORKERS = int(os.environ.get("SYSTEM_TEST_WORKERS", "3"))
PASSWORD = "system-test-password-1"
GRACE = 5.0  # errors this long after an outage ends still count as the outage's
RECOVERY_LIMIT = 5.0
HOST = "127.0.0.1"
DAILY = (REPO / "kinwell" / "daily" / "api.py").exists()  # the daily question, when this build has it


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ------------------------------------------------------------------ packages and ports


def ensure_packages() -> None:
    wanted = {
        "nginx": shutil.which("nginx") or Path("/usr/sbin/nginx").exists(),
        "redis-server": shutil.which("redis-server"),
        "postgresql": pg_bin() is not None,
    }
    if subprocess.run([PY, "-c", "import redis"], capture_output=True).returncode != 0:
        wanted["python3-redis"] = Path("/usr/lib/python3/dist-packages/redis").exists()
    missing = [name for name, present in wanted.items() if not present]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"missing {', '.join(missing)}: run as root (it installs them with apt) or install them")
    log(f"installing {' '.join(missing)} with apt")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
    if subprocess.run(install, env=env).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, check=True)  # only when the lists are stale
        subprocess.run(install, env=env, check=True)


def pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# ------------------------------------------------------------------ processes


class Service:
    """One long-running process in its own process group; `supervise` restarts it when
    it exits, like systemd's Restart=always (RestartSec=1)."""

    def __init__(self, name, command, env, log_path):
        self.name, self.command, self.env, self.log_path = name, command, env, log_path
        self.process = None
        self.restarts = 0
        self.keep_running = True

    def start(self):
        with open(self.log_path, "ab") as out:
            self.process = subprocess.Popen(self.command, env=self.env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self, sig=signal.SIGKILL):
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                pass

    def stop(self):
        self.keep_running = False
        self.kill(signal.SIGTERM)
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill(signal.SIGKILL)
                self.process.wait(timeout=5)


def supervise(services, stop_event):
    exited_at = {}
    while not stop_event.is_set():
        now = time.monotonic()
        for service in services:
            if service.keep_running and not service.alive():
                exited_at.setdefault(service.name, now)
                if now - exited_at[service.name] >= 1.0:
                    service.restarts += 1
                    service.start()
                    exited_at.pop(service.name)
        stop_event.wait(0.2)


class Postgres:
    def __init__(self, root: Path):
        self.bin = pg_bin()
        self.dir = root / "pg"
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def run(self, *args, check=True):
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, cwd=self.dir, check=check, capture_output=True, text=True)

    def start(self):
        self.dir.mkdir()
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
                 "--auth-local=trust", "--auth-host=trust")
        # Durability as in production (fsync and synchronous commit on): the test checks
        # that what was acknowledged survives an immediate restart.
        options = (f"-c listen_addresses={HOST} -p {self.port} -c unix_socket_directories={self.dir} "
                   "-c max_connections=200")
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "postgres.log"), "-w", "-t", "60",
                 "-o", options, "start")
        self.run("psql", "-X", "-q", "-h", str(self.dir), "-p", str(self.port), "-U", "postgres", "-d", "postgres",
                 "-c", "CREATE ROLE kinwell LOGIN PASSWORD 'kinwell'", "-c", "CREATE DATABASE kinwell OWNER kinwell")

    @property
    def url(self):
        return f"postgres://kinwell:kinwell@{HOST}:{self.port}/kinwell"

    def restart_immediate(self):
        # -l again: without it the new postmaster writes to our pipe, and waiting for the
        # pipe to close would wait for PostgreSQL to stop.
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "postgres.log"), "-m", "immediate", "-w",
                 "-t", "60", "restart")

    def stop(self):
        if self.data.exists():
            self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "-t", "30", "stop", check=False)


# ------------------------------------------------------------------ HTTP


class Browser:
    """One person's cookies over plain http.client: a connection per request; 30 s timeout,
    as long as gunicorn gives a request (a slow answer is slow, not an error)."""

    def __init__(self, port, forwarded_for=None):
        self.port, self.cookies, self.forwarded_for = port, {}, forwarded_for
        self.last_status = 0

    def request(self, method, path, body=None, headers=None, timeout=30.0):
        all_headers = {"Host": HOST, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if self.forwarded_for:
            all_headers["X-Forwarded-For"] = self.forwarded_for
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            data = response.read()
            self.last_status = response.status
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    cookie_name, _, rest = value.partition("=")
                    self.cookies[cookie_name.strip()] = rest.split(";", 1)[0]
            return response.status, data, dict(response.getheaders())
        finally:
            connection.close()

    def sign_in(self, email, password=PASSWORD) -> int:
        status, page, _ = self.request("GET", "/accounts/login/")
        if status != 200:
            return status
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        form = urllib.parse.urlencode({"username": email, "password": password,
                                       "csrfmiddlewaretoken": token.group(1).decode() if token else ""})
        status, _, _ = self.request("POST", "/accounts/login/", form,
                                    {"Content-Type": "application/x-www-form-urlencoded"})
        return status


@dataclass
class Sample:
    kind: str
    started: float  # seconds since the drive began
    ms: float
    ok: bool
    detail: str = ""


@dataclass
class Results:
    samples: list = field(default_factory=list)
    acknowledged: dict = field(default_factory=dict)  # note -> check-in id
    retried_keys: set = field(default_factory=set)
    replayed: int = 0
    given_up: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, sample):
        with self.lock:
            self.samples.append(sample)


def timed(results, t0, kind, call, expect=(200,)):
    started = time.monotonic()
    try:
        status, data, headers = call()
        ok, detail = status in expect, str(status)
    except (OSError, http.client.HTTPException) as error:
        status, data, headers, ok, detail = 0, b"", {}, False, type(error).__name__
    results.add(Sample(kind, started - t0, (time.monotonic() - started) * 1000, ok, detail))
    return status, data, headers


def sign_in(index, info, port, t0, results, stop) -> Browser:
    """Before the run, people arrive one after another (argon2 makes a sign-in the most
    expensive request there is: all at once they would only time each other out)."""
    browser = Browser(port)
    for attempt in range(5):
        status, _, _ = timed(results, t0, "sign in", lambda: (browser.sign_in(info["email"]), b"", {}), (302,))
        if status == 302:
            return browser
        stop.wait(1.0 + attempt)
    return browser


def person(index, info, browser, t0, deadline, results, stop):
    rng = random.Random(index)
    signed_in = True
    while not stop.is_set() and time.monotonic() < deadline:
        if not signed_in:
            status, _, _ = timed(results, t0, "sign in", lambda: (browser.sign_in(info["email"]), b"", {}), (302,))
            signed_in = status == 302
            if not signed_in:
                stop.wait(2.0)
                continue
        kinds, weights = ["check in", "circle", "finder", "article", "my check-ins"], [3, 2, 2, 2, 1]
        if DAILY:
            kinds, weights = [*kinds, "daily question"], [*weights, 1]
        kind = rng.choices(kinds, weights)[0]
        if kind == "check in":
            check_in(browser, rng, t0, deadline, results)
        elif kind == "circle":
            timed(results, t0, kind, lambda: browser.request("GET", f"/circles/{info['circle']}/"))
        elif kind == "finder":
            zip_code = rng.choice(info["zips"])
            timed(results, t0, kind, lambda: browser.request("GET", f"/find-help/?zip={zip_code}&radius=25"))
        elif kind == "article":
            slug = rng.choice(info["articles"])
            timed(results, t0, kind, lambda: browser.request("GET", f"/library/{slug}/"))
        elif kind == "daily question":
            answer_daily_question(browser, info["circle"], rng, t0, results)
        else:
            timed(results, t0, kind, lambda: browser.request("GET", "/check-ins/"))
        if browser.last_status == 401 or (kind == "my check-ins" and browser.last_status == 302):
            signed_in = False  # the session is gone: sign in again (and count that as an error)
        stop.wait(rng.uniform(0.5, 1.5) * THINK)


def answer_daily_question(browser, circle_id, rng, t0, results):
    """Open the circle's question of the day and answer it (answering again changes the answer)."""
    base = f"/api/v1/daily/circles/{circle_id}"
    status, data, _ = timed(results, t0, "daily question", lambda: browser.request("GET", f"{base}/today"))
    if status != 200 or json.loads(data).get("id") is None:
        return
    day_id = json.loads(data)["id"]
    body = json.dumps({"text": rng.choice(["A walk by the river", "Soup with my sister", "Finishing a book"])})
    headers = {"Content-Type": "application/json", "X-CSRFToken": browser.cookies.get("csrftoken", "")}
    # 409: everyone has answered and the answers are shared, so an answer stays as it is.
    timed(results, t0, "daily question",
          lambda: browser.request("POST", f"{base}/days/{day_id}/answer", body, headers), (200, 409))


def check_in(browser, rng, t0, deadline, results):
    """One check-in, retried with the same key until it is acknowledged (bounded)."""
    key = str(uuid.uuid4())
    note = f"system-test {key}"
    body = json.dumps({"mood": rng.randint(1, 5), "stress": rng.randint(0, 10), "note": note})
    for attempt in range(10):
        if attempt:
            with results.lock:
                results.retried_keys.add(note)
            time.sleep(min(0.25 * 2 ** attempt, 2.0))
            if time.monotonic() > deadline + 20:
                break
        headers = {"Content-Type": "application/json", "Idempotency-Key": key,
                   "X-CSRFToken": browser.cookies.get("csrftoken", "")}
        status, data, response_headers = timed(
            results, t0, "check in", lambda: browser.request("POST", "/api/v1/checkins", body, headers), (201,)
        )
        if status == 201:
            with results.lock:
                results.acknowledged[note] = json.loads(data)["id"]
                results.replayed += response_headers.get("Idempotent-Replayed") == "true"
            return
        if 400 <= status < 500 and status != 409:
            return  # refused, not lost: counted as an error by `timed`
        # 409: the first try with this key is still being saved; ask again in a moment.
    with results.lock:
        results.given_up += 1


# ------------------------------------------------------------------ inside Django


def django_command(command: str) -> None:
    """Runs in a child process with the app's environment: `prepare` or `verify`."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinwell.settings")
    import django

    django.setup()
    from datetime import time as day_time

    from django.contrib.auth import get_user_model

    from kinwell.checkins.models import CheckIn, ReminderSettings
    from kinwell.circles.models import Membership
    from kinwell.circles.services import create_circle
    from kinwell.directory.demo import load_demo_directory

    User = get_user_model()
    if command == "prepare":
        load_demo_directory()
        people = []
        circle = None
        for number in range(PEOPLE):
            user = User.objects.create_user(email=f"person{number}@system-test.invalid", password=PASSWORD,
                                            display_name=f"Person {number}")
            if number % 4 == 0:
                circle = create_circle(owner=user, name=f"Circle {number // 4}", kind="friends")
            else:
                Membership.objects.create(circle=circle, user=user)
            people.append({"email": user.email, "circle": circle.pk})
        User.objects.create_user(email="locked@system-test.invalid", password=PASSWORD, display_name="Locked")
        reminded = User.objects.create_user(email="reminded@system-test.invalid", password=PASSWORD,
                                            display_name="Reminded", time_zone="UTC")
        # Due from midnight, and no check-in today: the first scheduler run sends it.
        ReminderSettings.objects.create(user=reminded, enabled=True, local_time=day_time(0, 0))
        print(json.dumps({"people": people, "reminded": reminded.pk}))
    elif command == "verify":
        from django_tasks_db.models import DBTaskResult

        notes = [checkin.note for checkin in CheckIn.objects.filter(owner__email__endswith="@system-test.invalid")]
        reminded = User.objects.get(email="reminded@system-test.invalid")
        reminders = DBTaskResult.objects.filter(task_path="kinwell.checkins.tasks.send_checkin_reminder",
                                                args_kwargs__kwargs__user_id=reminded.pk)
        tasks = {status: DBTaskResult.objects.filter(status=status).count()
                 for status in ("READY", "RUNNING", "SUCCESSFUL", "FAILED")}
        print(json.dumps({
            "notes": [note for note in notes if note.startswith("system-test ")],
            "reminder_tasks": reminders.count(),
            "reminders_successful": reminders.filter(status="SUCCESSFUL").count(),
            "tasks": tasks,
        }))


# ------------------------------------------------------------------ the run


@dataclass
class Outage:
    name: str
    start: float
    end: float = 0.0
    recovery: float = 0.0  # seconds from the fault to the site answering healthy again
    note: str = ""


def healthy(port, path="/healthz", timeout=10.0) -> bool:
    try:
        status, _, _ = Browser(port).request("GET", path, timeout=timeout)
        return status == 200
    except (OSError, http.client.HTTPException):
        return False


def wait_until(check, limit: float, step: float = 0.05) -> float | None:
    """Seconds until `check()` is true, or None after `limit` seconds."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if check():
            return time.monotonic() - started
        time.sleep(step)
    return None


def redis_ping(port) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def faults(t0, nginx_port, app_servers, postgres, redis, outages, stop):
    """kill -9 an app server, restart PostgreSQL immediately, restart Redis: at 20%, 45% and 70% of the run."""
    def at(fraction):
        stop.wait(max(0.0, t0 + SECONDS * fraction - time.monotonic()))
        return not stop.is_set()

    if at(0.20):
        outage = Outage("kill -9 app server 1", time.monotonic() - t0)
        outages.append(outage)
        log("fault: kill -9 app server 1 (its whole process group); the supervisor restarts it after 1 s")
        app_servers[0].kill(signal.SIGKILL)
        # The site through nginx must stay healthy; the server itself is back when it answers.
        # Each wait is bounded, so one slow recovery does not swallow the faults after it.
        through_nginx = wait_until(lambda: healthy(nginx_port), 15)
        outage.recovery = through_nginx if through_nginx is not None else float("inf")
        back = wait_until(lambda: healthy(app_servers[0].port), 20)
        outage.end = time.monotonic() - t0
        outage.note = f"the killed server itself answered again after {back or float('inf'):.1f} s"
    if at(0.45):
        outage = Outage("PostgreSQL immediate restart", time.monotonic() - t0)
        outages.append(outage)
        log("fault: pg_ctl restart -m immediate")
        postgres.restart_immediate()
        restarted = time.monotonic() - t0
        recovered = wait_until(lambda: healthy(nginx_port), 20)
        outage.end = time.monotonic() - t0
        # Kinwell's part: from PostgreSQL accepting connections again to the site healthy.
        # How long PostgreSQL's own crash recovery takes is PostgreSQL's (printed beside it).
        outage.recovery = recovered if recovered is not None else float("inf")
        outage.note = (f"measured from PostgreSQL back; pg_ctl restart itself took {restarted - outage.start:.1f} s, "
                       f"{outage.end - outage.start:.1f} s in all")
    if at(0.70):
        outage = Outage("Redis restart", time.monotonic() - t0)
        outages.append(outage)
        log("fault: Redis stopped (SIGTERM); the supervisor starts it again after 1 s")
        redis.kill(signal.SIGTERM)
        recovered = wait_until(lambda: not redis_ping(redis.port), 5) is not None and wait_until(
            lambda: redis_ping(redis.port) and healthy(nginx_port), 20)
        outage.end = time.monotonic() - t0
        outage.recovery = outage.end - outage.start if recovered is not None else float("inf")
        outage.note = "Redis answering and the site healthy"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    wall = time.monotonic()
    ensure_packages()
    root = Path(tempfile.mkdtemp(prefix="kinwell-system-"))
    root.chmod(0o755)  # PostgreSQL (as postgres) and nginx's workers read below it
    log(f"working in {root}; {PEOPLE} people for {SECONDS} s; load {os.getloadavg()}")
    postgres = Postgres(root)
    services, stop = [], threading.Event()
    supervisor = None
    failures = []
    try:
        postgres.start()
        log(f"PostgreSQL on {HOST}:{postgres.port}")
        redis_port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "KINWELL_"))},
            "KINWELL_ENV": "production", "SECURE_SSL_REDIRECT": "false", "DEBUG": "false",
            "SECRET_KEY": "system-test-" + uuid.uuid4().hex * 2,
            "KINWELL_ENCRYPTION_KEY": subprocess.run(
                [PY, "-c", "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"],
                capture_output=True, text=True, check=True).stdout.strip(),
            "DATABASE_URL": postgres.url, "REDIS_URL": f"redis://{HOST}:{redis_port}/0",
            "ALLOWED_HOSTS": f"{HOST},localhost", "KINWELL_TRUSTED_PROXIES": "1",
            "KINWELL_VAR_DIR": str(root / "var"), "STATIC_ROOT": str(root / "static"),
            "KINWELL_LOAD_DIRECTORY": "0", "KINWELL_WORKERS": str(WORKERS), "LOG_LEVEL": "WARNING",
            "KINWELL_GUNICORN_LOG_LEVEL": "warning", "SYSTEM_TEST_PEOPLE": str(PEOPLE),
        }
        if subprocess.run([PY, "-c", "import redis"], capture_output=True).returncode != 0:
            # Debian's python3-redis, and nothing else from the system's packages.
            shim = root / "pyshim"
            shim.mkdir()
            (shim / "redis").symlink_to("/usr/lib/python3/dist-packages/redis")
            env["PYTHONPATH"] = str(shim)
        redis = Service("redis", ["redis-server", "--port", str(redis_port), "--bind", HOST, "--save", "",
                                  "--appendonly", "no", "--dir", str(root)], env, root / "redis.log")
        redis.port = redis_port
        redis.start()
        services.append(redis)
        if wait_until(lambda: redis_ping(redis_port), 10) is None:
            raise RuntimeError("Redis did not start")
        log(f"Redis on {HOST}:{redis_port}")

        def manage(*args, capture=False):
            result = subprocess.run([PY, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True)
            if result.returncode != 0:
                raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
            return result.stdout

        started = time.monotonic()
        manage("migrate", "--no-input")
        manage("collectstatic", "--no-input")
        (root / "static").chmod(0o755)
        prepared = subprocess.run([PY, __file__, "--django", "prepare"], cwd=REPO, env=env, capture_output=True,
                                  text=True)
        if prepared.returncode != 0:
            raise RuntimeError(f"preparing people failed:\n{prepared.stderr}")
        plan = json.loads(prepared.stdout.strip().splitlines()[-1])
        plan["zips"] = ["60614", "60657", "10001", "10011"]  # where the demo directory's places are
        plan["articles"] = [path.stem for path in sorted((REPO / "kinwell/library/articles").glob("*.md"))[:6]]
        log(f"migrated, static files collected and {PEOPLE} people made in {time.monotonic() - started:.1f} s")

        app_servers = []
        for number in (1, 2):
            port = free_port()
            server = Service(f"app server {number}", [str(REPO / ".venv/bin/gunicorn"), "-c", "deploy/gunicorn.conf.py",
                                                      "kinwell.wsgi:application"],
                             {**env, "KINWELL_BIND": f"{HOST}:{port}"}, root / f"app{number}.log")
            server.port = port
            app_servers.append(server)
        worker = Service("worker", [PY, "manage.py", "db_worker", "--interval", "1"], env, root / "worker.log")
        schedulers = [Service(f"scheduler {n}", [PY, "manage.py", "run_schedule", "--interval", "5"], env,
                              root / f"scheduler{n}.log") for n in (1, 2)]
        nginx_port = free_port()
        (root / "nginx").mkdir()
        upstream = "\n".join(f"        server {HOST}:{s.port} max_fails=2 fail_timeout=5s;" for s in app_servers)
        (root / "nginx.conf").write_text(f"""
worker_processes 1;
pid {root}/nginx/nginx.pid;
error_log {root}/nginx/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/nginx/body;
    proxy_temp_path {root}/nginx/proxy;
    fastcgi_temp_path {root}/nginx/fastcgi;
    uwsgi_temp_path {root}/nginx/uwsgi;
    scgi_temp_path {root}/nginx/scgi;
    upstream kinwell_app {{
{upstream}
        keepalive 16;
    }}
    server {{
        listen {HOST}:{nginx_port};
        client_max_body_size 6m;
        location /static/ {{ alias {root}/static/; }}
        location / {{ include {REPO}/deploy/nginx/kinwell-proxy.conf; }}
    }}
}}
""")
        nginx = Service("nginx", ["nginx", "-c", str(root / "nginx.conf"), "-p", str(root / "nginx"),
                                  "-g", "daemon off;"], env, root / "nginx" / "stdout.log")
        for service in (*app_servers, worker, *schedulers, nginx):
            service.start()
            services.append(service)
        for server in app_servers:
            if wait_until(lambda: healthy(server.port), 60) is None:
                raise RuntimeError(f"{server.name} did not start; see {server.log_path}")
        if wait_until(lambda: healthy(nginx_port), 10) is None:
            raise RuntimeError(f"nginx did not start; see {root / 'nginx'}")
        supervisor = threading.Thread(target=supervise, args=(services, stop), daemon=True)
        supervisor.start()
        log(f"nginx on {HOST}:{nginx_port} -> app servers on {app_servers[0].port} and {app_servers[1].port}; "
            "worker and two schedulers running")

        # A lockout made through app server 1 holds on app server 2 (the same client address
        # as nginx would pass it: the last X-Forwarded-For entry).
        attacker = "203.0.113.7"
        for _ in range(5):
            Browser(app_servers[0].port, forwarded_for=attacker).sign_in("locked@system-test.invalid", "wrong-password")
        locked_status = Browser(app_servers[1].port, forwarded_for=attacker).sign_in("locked@system-test.invalid")
        other_status = Browser(app_servers[1].port, forwarded_for="198.51.100.9").sign_in("locked@system-test.invalid")
        lockout_holds = locked_status == 429 and other_status == 302
        log(f"lockout: 5 wrong passwords through app server 1; the right one through app server 2 -> "
            f"{locked_status} (from another address: {other_status})")

        # What one request costs with nobody else of ours on the machine.
        alone = Browser(nginx_port)
        alone.sign_in(plan["people"][0]["email"])
        baseline = {"healthz": [], "check in": []}
        for number in range(20):
            started = time.monotonic()
            alone.request("GET", "/healthz")
            baseline["healthz"].append((time.monotonic() - started) * 1000)
            started = time.monotonic()
            alone.request("POST", "/api/v1/checkins", json.dumps({"mood": 3, "note": f"baseline {number}"}),
                          {"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4()),
                           "X-CSRFToken": alone.cookies.get("csrftoken", "")})
            baseline["check in"].append((time.monotonic() - started) * 1000)
        baseline = {name: statistics.median(values) for name, values in baseline.items()}

        results, outages = Results(), []
        infos = [{**plan["people"][n], "zips": plan["zips"], "articles": plan["articles"]} for n in range(PEOPLE)]
        ramp_started = time.monotonic()
        browsers = [None] * PEOPLE

        def arrive(n):
            browsers[n] = sign_in(n, infos[n], nginx_port, ramp_started, results, stop)

        arrivals = []
        for n in range(PEOPLE):
            arrivals.append(threading.Thread(target=arrive, args=(n,), daemon=True))
            arrivals[-1].start()
            time.sleep(0.3)
        for thread in arrivals:
            thread.join(timeout=max(0.1, ramp_started + 120 - time.monotonic()))
        log(f"{PEOPLE} people signed in, one every 0.3 s, in {time.monotonic() - ramp_started:.1f} s; "
            f"the run and its faults start now")
        t0 = time.monotonic()
        for sample in results.samples:  # sign-ins happened before the run's clock started
            sample.started -= t0 - ramp_started
        deadline = t0 + SECONDS
        people = [threading.Thread(target=person, args=(n, infos[n], browsers[n], t0, deadline, results, stop),
                                   daemon=True)
                  for n in range(PEOPLE)]
        breaker = threading.Thread(target=faults, args=(t0, nginx_port, app_servers, postgres, redis, outages, stop),
                                   daemon=True)
        for thread in (*people, breaker):
            thread.start()
        load_during = []
        while time.monotonic() < deadline:
            time.sleep(min(5.0, max(0.0, deadline - time.monotonic())))
            load_during.append(os.getloadavg()[0])
        finish_by = time.monotonic() + 45  # writes in flight are retried for up to 20 s after the end
        for thread in (*people, breaker):
            thread.join(timeout=max(0.1, finish_by - time.monotonic()))
        drive_seconds = time.monotonic() - t0  # a little over SECONDS: writes in flight are retried to the end
        stop.set()

        def verify():
            """What the database holds now, or None while it cannot say (still recovering)."""
            done = subprocess.run([PY, __file__, "--django", "verify"], cwd=REPO, env=env, capture_output=True,
                                  text=True)
            lines = done.stdout.strip().splitlines()
            return json.loads(lines[-1]) if done.returncode == 0 and lines else None

        # Let the worker finish what was queued (looks for signs, the reminder email).
        verified = None
        for _attempt in range(15):
            verified = verify()
            if verified is not None and verified["tasks"]["READY"] == 0:
                break
            time.sleep(2)
        if verified is None:
            raise RuntimeError("the database could not be read at the end of the run")

        # ---------------------------------------------------------------- the figures
        stored = {}
        for note in verified["notes"]:
            stored[note] = stored.get(note, 0) + 1
        lost = [note for note in results.acknowledged if note not in stored]
        duplicated = [note for note, count in stored.items() if count > 1]
        duplicated_retried = [note for note in duplicated if note in results.retried_keys]
        unacknowledged_saved = len([note for note in stored if note not in results.acknowledged])

        def in_outage(sample):
            """The request was in flight at some moment of an outage window (+ the grace)."""
            finished = sample.started + sample.ms / 1000
            return any(o.start <= finished and sample.started <= (o.end or drive_seconds) + GRACE for o in outages)

        errors = [s for s in results.samples if not s.ok]
        stray = [s for s in errors if not in_outage(s)]

        print()
        print(f"==== Kinwell system test: {PEOPLE} people, {drive_seconds:.0f} s, "
              f"{WORKERS} gunicorn workers x 2 app servers, {os.cpu_count()} cores ====")
        print(f"load average (1/5/15 min) at the end: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}; "
              f"1-min load during the run: max {max(load_during or [0]):.2f}, "
              f"mean {statistics.mean(load_during or [0]):.2f}")
        total = len([s for s in results.samples if s.started >= 0])
        print(f"requests during the run: {total} in {drive_seconds:.0f} s = {total / drive_seconds:.1f}/s; "
              f"errors {len(errors)} ({len(errors) - len(stray)} inside outage windows, {len(stray)} outside)")
        kinds_of_error = {}
        for sample in errors:
            kinds_of_error[sample.detail] = kinds_of_error.get(sample.detail, 0) + 1
        print("errors by answer: " + (", ".join(f"{name} x{count}" for name, count in sorted(kinds_of_error.items()))
                                       or "none"))
        print(f"one request at a time before the run (median of 20): GET /healthz {baseline['healthz']:.0f} ms, "
              f"check in {baseline['check in']:.0f} ms")
        print(f"{'kind':<14} {'count':>6} {'per s':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for kind in ("sign in", "check in", "circle", "finder", "article", "my check-ins", "daily question"):
            rows = [s for s in results.samples if s.kind == kind]
            fine = [s.ms for s in rows if s.ok] or [0.0]
            print(f"{kind:<14} {len(rows):>6} {len(rows) / drive_seconds:>6.1f} {len([s for s in rows if not s.ok]):>6} "
                  f"{percentile(fine, 0.50):>8.0f} {percentile(fine, 0.95):>8.0f} {percentile(fine, 0.99):>8.0f}")
        calm = [s.ms for s in results.samples if s.kind == "check in" and s.ok and not in_outage(s)]
        if calm:
            print(f"check in outside outages: p50 {percentile(calm, 0.5):.0f} ms, p95 {percentile(calm, 0.95):.0f} ms, "
                  f"p99 {percentile(calm, 0.99):.0f} ms (goal p99 < 250 ms at 32 people)")
        print("faults:")
        for outage in outages:
            print(f"  {outage.name:<30} at {outage.start:5.1f} s, window to {outage.end:5.1f} s, "
                  f"healthy {outage.recovery:.2f} s after the fault ({outage.note})")
        print(f"acknowledged check-ins: {len(results.acknowledged)}; lost: {len(lost)}; "
              f"retried keys: {len(results.retried_keys)}, saved twice: {len(duplicated_retried)}; "
              f"any note saved twice: {len(duplicated)}; replayed answers: {results.replayed}; "
              f"saved but never acknowledged (gave up): {unacknowledged_saved}; writes given up: {results.given_up}")
        print(f"lockout through app server 1 holds on app server 2: {'yes' if lockout_holds else 'NO'} "
              f"(right password: {locked_status}; from another address: {other_status})")
        print(f"reminder due while two schedulers ran: queued {verified['reminder_tasks']} time(s), "
              f"sent {verified['reminders_successful']}")
        print(f"worker queue at the end: {verified['tasks']}")
        print("restarts by the supervisor: " + ", ".join(f"{s.name} {s.restarts}" for s in services))
        for sample in stray[:10]:
            print(f"  error outside an outage: {sample.kind} at {sample.started:.1f} s: {sample.detail}")

        checks = {
            "0 acknowledged writes lost": not lost,
            "0 duplicates for retried keys": not duplicated_retried,
            "errors only inside outage windows": not stray,
            "all three faults made, each recovered within 5 s":
                len(outages) == 3 and all(o.recovery <= RECOVERY_LIMIT for o in outages),
            "lockout holds across app servers": lockout_holds,
            "reminder sent once": verified["reminder_tasks"] == 1 and verified["reminders_successful"] == 1,
            "no failed background tasks": verified["tasks"]["FAILED"] == 0,
        }
        for name, passed in checks.items():
            print(f"  [{'ok' if passed else 'FAILED'}] {name}")
            if not passed:
                failures.append(name)
        print(f"system test {'PASSED' if not failures else 'FAILED'} in {time.monotonic() - wall:.0f} s "
              f"(logs were in {root})")
        return 1 if failures else 0
    finally:
        stop.set()
        for service in reversed(services):
            service.stop()
        postgres.stop()
        if os.environ.get("SYSTEM_TEST_KEEP") != "1":
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--django":
        django_command(sys.argv[2])
    else:
        sys.exit(main())
