"""Every setting of the dashboard in one place: the ``BATIK_*`` environment variables and the
editors' secrets, with their types and defaults, read and checked once.

A value that cannot be used is never silently replaced by the default (a mistyped memory limit
would otherwise run the server with another one): :func:`load` raises :class:`ConfigError`
naming the setting, the value and what it takes. Pages and the CLI turn that into a message.

=============================  =================================================  ==========
Variable                       Meaning                                            Default
=============================  =================================================  ==========
BATIK_DB_PATH                  the DuckDB file                                    data/batik.duckdb
BATIK_DUCKDB_MEMORY            DuckDB's memory limit (a size: 256MB, 2GB)         256MB
BATIK_CHECK_MEMORY             the same, for checking an upload                   160MB
BATIK_MAX_UPLOAD_MB            the largest upload, in MB                          200
BATIK_EDITOR_PASSWORD_HASH     one shared editor password hash (any name)         none
BATIK_SECRETS_FILE             TOML file with ``[editors] name = "scrypt$..."``   .streamlit/secrets.toml
BATIK_SESSION_IDLE_MINUTES     an editor signed in is signed out after this idle  30
BATIK_ACHIEVEMENT_SCALE        lower bounds (%) of the top four achievement       91,76,66,51
                               categories, highest first (the fifth is below)
BATIK_SESSION_UPLOAD_MB        what one browser session may hold in uploads, MB   2 x max upload
BATIK_ALLOWED_HOSTS            host names the server answers to (Host header),    any
                               comma-separated; ``*.example`` for subdomains
=============================  =================================================  ==========
"""

from __future__ import annotations

import math
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"

DB_PATH = "BATIK_DB_PATH"
DUCKDB_MEMORY = "BATIK_DUCKDB_MEMORY"
CHECK_MEMORY = "BATIK_CHECK_MEMORY"
MAX_UPLOAD_MB = "BATIK_MAX_UPLOAD_MB"
EDITOR_PASSWORD_HASH = "BATIK_EDITOR_PASSWORD_HASH"
SECRETS_FILE = "BATIK_SECRETS_FILE"
SESSION_IDLE_MINUTES = "BATIK_SESSION_IDLE_MINUTES"
ACHIEVEMENT_SCALE = "BATIK_ACHIEVEMENT_SCALE"
SESSION_UPLOAD_MB = "BATIK_SESSION_UPLOAD_MB"
ALLOWED_HOSTS = "BATIK_ALLOWED_HOSTS"

DEFAULT_DB_PATH = DATA_DIR / "batik.duckdb"
# DuckDB's own default is 80% of the machine's memory. Committing a province's million records
# then held ~1.5 GB at its peak; with 512 MB DuckDB spills to a temporary file instead and the
# peak is ~1.1 GB, for ~10% more time (measured; see BENCHMARKS.md).
DEFAULT_DUCKDB_MEMORY = "256MB"  # a 1M-row save peaks ~270 MB above the idle server
# Checking an upload runs while the page holds the file's bytes (137 MB for a province's
# million records), its parts read side by side; DuckDB keeps blocks it has written until
# its limit. 160 MB keeps that check's server peak under 600 MB, at no measurable cost in
# time against 256 MB (ratios to a bare read_csv, side by side; BENCHMARKS.md).
DEFAULT_CHECK_MEMORY = "160MB"
DEFAULT_MAX_UPLOAD_MB = 200.0
DEFAULT_SECRETS_FILE = PROJECT_DIR / ".streamlit" / "secrets.toml"
DEFAULT_SESSION_IDLE_MINUTES = 30.0
# The five-level scale of regional performance reports (LKjIP): >= 91% ... <= 50%.
DEFAULT_ACHIEVEMENT_SCALE = (91.0, 76.0, 66.0, 51.0)
# Streamlit keeps every file a browser session sends in the server's memory until the session
# ends. Twice the largest upload lets an editor hold one file at our limit while replacing it
# (or one file up to Streamlit's own per-file cap, 400 MB, whose size the page then explains).
SESSION_UPLOAD_FACTOR = 2
# One name of an allowed host: a DNS name (``*.`` in front: any subdomain of it), an IPv4
# address or an IPv6 address without brackets. No ports, paths or schemes.
_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"(\*\.)?{_LABEL}(\.{_LABEL})*|[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*", re.IGNORECASE)
_SIZE = re.compile(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


class ConfigError(ValueError):
    """A setting holds a value that cannot be used: ``name``, ``value`` and ``expected`` say
    which, what it held and what it takes."""

    def __init__(self, name: str, value: object, expected: str) -> None:
        self.name, self.value, self.expected = name, value, expected
        super().__init__(f"{name}={value!r}: expected {expected}")


@dataclass(frozen=True)
class Settings:
    """The settings in force. Sizes in bytes, durations in seconds."""

    db_path: Path = DEFAULT_DB_PATH
    duckdb_memory: str = DEFAULT_DUCKDB_MEMORY
    check_memory: str = DEFAULT_CHECK_MEMORY
    max_upload_bytes: int = int(DEFAULT_MAX_UPLOAD_MB * 2**20)
    editor_password_hash: str | None = None
    editors: Mapping[str, str] = field(default_factory=dict)
    secrets_file: Path = DEFAULT_SECRETS_FILE
    session_idle_s: float = DEFAULT_SESSION_IDLE_MINUTES * 60
    achievement_scale: tuple[float, float, float, float] = DEFAULT_ACHIEVEMENT_SCALE
    session_upload_bytes: int = SESSION_UPLOAD_FACTOR * int(DEFAULT_MAX_UPLOAD_MB * 2**20)
    allowed_hosts: tuple[str, ...] = ()


def _positive_number(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(name, raw, "a positive number") from None
    if not math.isfinite(value) or value <= 0:
        raise ConfigError(name, raw, "a positive number")
    return value


# (path, mtime_ns, size) -> the file's [editors]. Every page run calls load() (app.py checks
# the settings, the sign-in form reads the editors); parsing the file again only when it has
# changed keeps that to one stat. A changed file (an editor added) is read at the next run.
_EDITORS_READ: dict[tuple[str, int, int], dict[str, str]] = {}


def _editors(path: Path) -> dict[str, str]:
    """``[editors]`` of a secrets TOML file (name = hash); {} when the file does not exist.
    Read again only when the file's modification time or size has changed."""
    try:
        info = path.stat()
    except OSError:
        return {}
    if not stat.S_ISREG(info.st_mode):
        return {}
    key = (str(path), info.st_mtime_ns, info.st_size)
    editors = _EDITORS_READ.get(key)
    if editors is None:
        editors = _read_editors(path)
        _EDITORS_READ.clear()  # one file in use: keep only its latest reading
        _EDITORS_READ[key] = editors
    return dict(editors)


def _read_editors(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(SECRETS_FILE, str(path), f"a readable TOML file ({exc})") from None
    section = data.get("editors", {})
    if not isinstance(section, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in section.items()
    ):
        raise ConfigError(SECRETS_FILE, str(path), '[editors] with name = "scrypt$..." lines')
    return dict(section)


def _raw(env: Mapping[str, str] | None, name: str) -> str:
    return ((os.environ if env is None else env).get(name) or "").strip()


def db_path(env: Mapping[str, str] | None = None) -> Path:
    """``$BATIK_DB_PATH``, else data/batik.duckdb."""
    return Path(_raw(env, DB_PATH)) if _raw(env, DB_PATH) else DEFAULT_DB_PATH


def duckdb_memory(env: Mapping[str, str] | None = None) -> str:
    """DuckDB's memory limit: ``$BATIK_DUCKDB_MEMORY`` (a size: '2GB'), else 256MB. Cheap: the
    store reads it on every connection."""
    return _size(env, DUCKDB_MEMORY, DEFAULT_DUCKDB_MEMORY)


def check_memory(env: Mapping[str, str] | None = None) -> str:
    """DuckDB's memory limit while an upload is checked: ``$BATIK_CHECK_MEMORY`` (a size),
    else 160MB."""
    return _size(env, CHECK_MEMORY, DEFAULT_CHECK_MEMORY)


def _size(env: Mapping[str, str] | None, name: str, default: str) -> str:
    memory = _raw(env, name) or default
    if not _SIZE.fullmatch(memory):
        raise ConfigError(name, memory, "a size such as 512MB or 2GB")
    return memory


def max_upload_bytes(env: Mapping[str, str] | None = None) -> int:
    """The largest upload in bytes: ``$BATIK_MAX_UPLOAD_MB`` megabytes, else 200 MB."""
    raw = _raw(env, MAX_UPLOAD_MB)
    return int((_positive_number(MAX_UPLOAD_MB, raw) if raw else DEFAULT_MAX_UPLOAD_MB) * 2**20)


def session_idle_s(env: Mapping[str, str] | None = None) -> float:
    """Seconds of inactivity after which an editor's session is signed out (default 30 min)."""
    raw = _raw(env, SESSION_IDLE_MINUTES)
    minutes = _positive_number(SESSION_IDLE_MINUTES, raw) if raw else DEFAULT_SESSION_IDLE_MINUTES
    return minutes * 60


def session_upload_bytes(env: Mapping[str, str] | None = None) -> int:
    """What one browser session may hold in Streamlit's uploaded-file storage, in bytes:
    ``$BATIK_SESSION_UPLOAD_MB`` megabytes, else twice :func:`max_upload_bytes`."""
    raw = _raw(env, SESSION_UPLOAD_MB)
    if raw:
        return int(_positive_number(SESSION_UPLOAD_MB, raw) * 2**20)
    return SESSION_UPLOAD_FACTOR * max_upload_bytes(env)


def editor_password_hash(env: Mapping[str, str] | None = None) -> str | None:
    """The shared editor hash (``$BATIK_EDITOR_PASSWORD_HASH``), None when unset."""
    shared = _raw(env, EDITOR_PASSWORD_HASH) or None
    if shared is not None and not shared.startswith("scrypt$"):
        raise ConfigError(EDITOR_PASSWORD_HASH, "…", "a hash from `python -m impact hash-password`")
    return shared


def secrets_file(env: Mapping[str, str] | None = None) -> Path:
    """``$BATIK_SECRETS_FILE``, else .streamlit/secrets.toml of the project."""
    return Path(_raw(env, SECRETS_FILE)) if _raw(env, SECRETS_FILE) else DEFAULT_SECRETS_FILE


def load(environ: Mapping[str, str] | None = None) -> Settings:
    """Every setting, from ``environ`` (default: the process environment) and the secrets
    file. Raises ConfigError for the first value that cannot be used."""
    secrets = secrets_file(environ)
    return Settings(
        db_path=db_path(environ),
        duckdb_memory=duckdb_memory(environ),
        check_memory=check_memory(environ),
        max_upload_bytes=max_upload_bytes(environ),
        editor_password_hash=editor_password_hash(environ),
        editors=_editors(secrets),
        secrets_file=secrets,
        session_idle_s=session_idle_s(environ),
        achievement_scale=achievement_scale(environ),
        session_upload_bytes=session_upload_bytes(environ),
        allowed_hosts=allowed_hosts(environ),
    )


def allowed_hosts(env: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The host names the server answers to, lower case: ``$BATIK_ALLOWED_HOSTS``
    ('localhost,127.0.0.1,pc-dinas,*.blitarkota.go.id'); () when unset, which accepts any Host
    header. A web page elsewhere can point a name of its own at this machine (DNS rebinding);
    with the list set, a request naming another host is refused. Ports are not part of it."""
    raw = _raw(env, ALLOWED_HOSTS)
    if not raw:
        return ()
    hosts = tuple(part.strip().lower().rstrip(".") for part in raw.split(","))
    if not all(_HOST.fullmatch(host) for host in hosts):
        raise ConfigError(
            ALLOWED_HOSTS, raw, "host names or addresses without ports, comma-separated"
        )
    return hosts


def achievement_scale(env: Mapping[str, str] | None = None) -> tuple[float, float, float, float]:
    """The lower bounds (%) of the four highest achievement categories, highest first:
    ``$BATIK_ACHIEVEMENT_SCALE`` ('91,76,66,51'), else the LKjIP scale. A region whose
    evaluation uses other bounds sets its own; four decreasing positive numbers."""
    raw = _raw(env, ACHIEVEMENT_SCALE)
    if not raw:
        return DEFAULT_ACHIEVEMENT_SCALE
    expected = "four decreasing percentages such as 91,76,66,51"
    try:
        bounds = tuple(float(part) for part in raw.split(","))
    except ValueError:
        raise ConfigError(ACHIEVEMENT_SCALE, raw, expected) from None
    if (
        len(bounds) != 4
        or not all(math.isfinite(b) and b > 0 for b in bounds)
        or list(bounds) != sorted(bounds, reverse=True)
        or len(set(bounds)) != 4
    ):
        raise ConfigError(ACHIEVEMENT_SCALE, raw, expected)
    return bounds  # type: ignore[return-value]
