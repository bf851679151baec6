"""Editor sign-in: salted scrypt hashes, constant-time checks, and a throttle on failures.

There is no default password. An operator configures either one shared editor password
(``BATIK_EDITOR_PASSWORD_HASH``) or one hash per editor (``[editors]`` in
``.streamlit/secrets.toml``); hashes come from ``python -m impact hash-password``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from impact import config

PASSWORD_HASH_ENV = config.EDITOR_PASSWORD_HASH
_N, _R, _P = 2**14, 8, 1  # scrypt cost: ~16 MiB and a few tens of ms per check


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """'scrypt$16384$8$1$<salt>$<hash>' (base64) for a password."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """True if ``password`` matches ``stored`` (compared in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@dataclass(frozen=True)
class EditorConfig:
    """Who may edit: per-editor hashes, and/or one shared hash (any editor name)."""

    editors: Mapping[str, str] = field(default_factory=dict)
    shared_hash: str | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.editors) or bool(self.shared_hash)

    @classmethod
    def load(
        cls,
        secrets_section: Mapping[str, str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> EditorConfig:
        """From an ``[editors]`` table and the environment variable (see :mod:`impact.config`)."""
        return cls(dict(secrets_section or {}), config.editor_password_hash(environ))

    @classmethod
    def from_settings(cls, settings: config.Settings) -> EditorConfig:
        """The editors the settings name (secrets file and environment)."""
        return cls(dict(settings.editors), settings.editor_password_hash)

    def check(self, name: str, password: str) -> bool:
        name = name.strip()
        if not name or not password:
            return False
        if name in self.editors:
            return verify_password(password, self.editors[name])
        return bool(self.shared_hash) and verify_password(password, self.shared_hash)


class LockedOutError(Exception):
    """Too many failed sign-ins: wait ``seconds`` before trying again."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(f"locked for {seconds} s")


class LoginThrottle:
    """After ``max_failures`` failures within ``window_s`` for a name, lock it ``lockout_s``.

    Shared by every session of the process (a reload does not reset it). Each failure also
    costs a growing delay. ``clock`` and ``sleep`` are injectable for tests.
    """

    def __init__(
        self,
        max_failures: int = 5,
        window_s: float = 900,
        lockout_s: float = 300,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.max_failures, self.window_s, self.lockout_s = max_failures, window_s, lockout_s
        self.clock, self.sleep = clock, sleep
        self._failures: dict[str, list[float]] = {}
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def sign_in(self, config: EditorConfig, name: str, password: str) -> bool:
        """Check a sign-in; raises LockedOutError while the name is locked out."""
        key = name.strip().lower()
        with self._lock:
            until = self._locked_until.get(key, 0)
            if until > self.clock():
                raise LockedOutError(int(until - self.clock()) + 1)
        if config.check(name, password):
            with self._lock:
                self._failures.pop(key, None)
            return True
        with self._lock:
            now = self.clock()
            recent = [t for t in self._failures.get(key, []) if now - t < self.window_s] + [now]
            self._failures[key] = recent
            if len(recent) >= self.max_failures:
                self._locked_until[key] = now + self.lockout_s
                self._failures[key] = []
        self.sleep(min(0.5 * len(recent), 3.0))
        return False
