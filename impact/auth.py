"""Editor sign-in: salted scrypt hashes, constant-time checks, a throttle on failures, and the
server-side registry of signed-in sessions.

There is no default password. An operator configures either one shared editor password
(``BATIK_EDITOR_PASSWORD_HASH``) or one hash per editor (``[editors]`` in
``.streamlit/secrets.toml``); hashes come from ``python -m impact hash-password``.

Security state lives in plain module-level objects (:data:`THROTTLE`, :data:`SESSIONS`), never
in a Streamlit cache: any browser can send a "clear cache" message that empties every
``st.cache_*`` of the process, which would reset a lockout or forget a sign-out.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
import unicodedata
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

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


@cache
def _dummy_hash() -> str:
    # A hash of a random password nobody knows: unknown names are checked against it, so a
    # wrong name costs the same one scrypt as a wrong password and timing tells nothing.
    return hash_password(secrets.token_urlsafe(16))


MAX_NAME_CHARS = 64
_NAME_PUNCTUATION = frozenset(" .-_")


# Why a name is refused (InvalidNameError.code); each has a sentence "signin.name.<code>".
NAME_REFUSALS = ("too-long", "control", "character", "mixed-script")


class InvalidNameError(ValueError):
    """An editor name the sign-in refuses; ``code`` says why (``too-long``, ``control``,
    ``character``, ``mixed-script``)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def _script(char: str) -> str:
    # Unicode names start with the script for letters: 'LATIN SMALL LETTER E',
    # 'CYRILLIC SMALL LETTER IE', 'CJK UNIFIED IDEOGRAPH-4E00'. The stdlib has no script
    # property; the first word of the name is a close enough stand-in to catch look-alikes.
    return unicodedata.name(char, "UNKNOWN").split(" ")[0].split("-")[0]


def normalize_name(name: str) -> str:
    """The editor name as shown and recorded: NFKC, trimmed, inner spaces collapsed.

    Raises InvalidNameError for control or format characters (a zero-width space, an RTL
    override), names over :data:`MAX_NAME_CHARS`, characters other than letters, combining
    marks, digits and `` .-_``, and letters from more than one script (a Cyrillic 'е' in a
    Latin name). An empty name is returned as ''.
    """
    name = unicodedata.normalize("NFKC", name)
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for c in name):
        raise InvalidNameError("control")
    name = " ".join(name.split())
    if len(name) > MAX_NAME_CHARS:
        raise InvalidNameError("too-long")
    scripts = set()
    for char in name:
        category = unicodedata.category(char)
        if category.startswith("L"):
            scripts.add(_script(char))
        elif not (category.startswith("M") or char in _NAME_PUNCTUATION or "0" <= char <= "9"):
            raise InvalidNameError("character")
    if len(scripts) > 1:
        raise InvalidNameError("mixed-script")
    return name


def name_key(name: str) -> str:
    """The key a name is throttled and matched under: normalized, then casefolded."""
    return normalize_name(name).casefold()


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

    def _own_hash(self, name: str) -> tuple[str, str] | None:
        """(configured name, hash) of the editor ``name`` means, matched normalized and
        casefolded; None if no editor has an own hash under that name."""
        key = name_key(name)
        for configured, stored in self.editors.items():
            try:
                if name_key(configured) == key:
                    return configured, stored
            except InvalidNameError:
                continue  # a configured name the form could never match
        return None

    def identify(self, name: str, password: str) -> str | None:
        """The editor's name (as configured, or as typed for the shared password) if the
        password is right, else None. Every call costs exactly one scrypt, whether the name is
        known, unknown, empty or invalid, so the time taken does not reveal which names exist.
        """
        try:
            name = normalize_name(name)
            own = self._own_hash(name) if name else None
        except InvalidNameError:
            name, own = "", None
        if own is not None:
            shown, stored = own
        elif name and self.shared_hash:
            shown, stored = name, self.shared_hash
        else:
            shown, stored = "", _dummy_hash()
        ok = verify_password(password, stored)
        return shown if ok and shown and password else None

    def check(self, name: str, password: str) -> bool:
        return self.identify(name, password) is not None


MAX_PASSWORD_CHARS = 256  # a passphrase is far shorter; a longer one is refused unhashed


class PasswordTooLongError(ValueError):
    """A password over :data:`MAX_PASSWORD_CHARS`: refused before any scrypt, not counted."""


class LockedOutError(Exception):
    """Too many failed sign-ins: wait ``seconds`` before trying again. ``scope`` says whose:
    ``client`` (this browser session or network address had too many failures) or ``name``
    (this name had too many failures from this address)."""

    def __init__(self, seconds: int, scope: str = "name") -> None:
        self.seconds, self.scope = seconds, scope
        super().__init__(f"locked ({scope}) for {seconds} s")


LOCAL_ADDRESS = "local"  # the address of a client on this machine (Streamlit gives None)


def address_key(address: str | None) -> str:
    """The key a network address is throttled under: an IPv4 address as is, an IPv6 one by
    its /64 network (one machine may hold a whole /64 and rotate through it), None as
    :data:`LOCAL_ADDRESS` (as anything that is not text: Streamlit's test harness gives a mock)."""
    if not isinstance(address, str) or not address:
        return LOCAL_ADDRESS
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class LoginThrottle:
    """Limits on failed sign-ins that a guesser cannot turn against an editor.

    Following OWASP's authentication guidance, limits apply per client before any global one:

    - a browser session: ``max_failures`` failures in ``window_s`` lock that session;
    - a network address: ``max_address_failures`` lock that address (new sessions from the
      same machine do not start afresh);
    - a name from an address: ``max_failures`` lock that name *for that address only*, so
      guessing one editor's password from one machine stops after five tries, while the
      editor at her own desk still signs in;
    - everybody: past ``max_total_failures`` failures in the window (a guesser using many
      addresses), each attempt waits its turn, one per ``global_interval_s`` (at most
      ``max_global_wait_s``). That slows guessing; it never refuses a right password.

    Each lock lasts ``lockout_s``. Each attempt is reserved as a failure under the lock
    *before* its password is checked, and released if it succeeds (a success clears the
    locks its own reservation set), so 20 simultaneous guesses cannot all pass the check at
    once and a right password never counts as a failure. Each failure also costs the client a
    growing delay. One object per process (:data:`THROTTLE`); ``clock`` and ``sleep`` are
    injectable for tests.
    """

    PRUNE_ABOVE = 10_000  # keys kept before stale ones are forgotten

    def __init__(
        self,
        max_failures: int = 5,
        window_s: float = 900,
        lockout_s: float = 300,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        max_total_failures: int = 20,
        max_address_failures: int = 10,
        global_interval_s: float = 1.0,
        max_global_wait_s: float = 5.0,
    ) -> None:
        self.max_failures, self.window_s, self.lockout_s = max_failures, window_s, lockout_s
        self.max_total_failures = max_total_failures
        self.max_address_failures = max_address_failures
        self.global_interval_s, self.max_global_wait_s = global_interval_s, max_global_wait_s
        self.clock, self.sleep = clock, sleep
        self.reset()
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Forget every failure and lockout (tests; a restart does the same)."""
        self._failures: dict[str, list[float]] = {}
        self._all_failures: list[float] = []
        self._locked_until: dict[str, float] = {}
        self._next_turn = 0.0

    def _limits(self, name: str, client: str | None, address: str) -> list[tuple[str, int, str]]:
        # (key, failures that lock it, scope of the LockedOutError) of one attempt
        limits = [(f"addr\0{address}", self.max_address_failures, "client")]
        if client:
            limits.append((f"session\0{client}", self.max_failures, "client"))
        limits.append((f"name\0{address}\0{name}", self.max_failures, "name"))
        return limits

    def _reserve(self, limits: list[tuple[str, int, str]]) -> tuple[float, int, float]:
        # Under self._lock: refuse while any of this client's keys is locked, else count this
        # attempt as a failure of each now. Returns (when, the client's failures, the wait
        # for a turn under global pressure).
        now = self.clock()
        if len(self._failures) > self.PRUNE_ABOVE:
            self._prune(now)
        for key, _, scope in limits:
            until = self._locked_until.get(key, 0)
            if until > now:
                raise LockedOutError(int(until - now) + 1, scope)
        most = 0
        for key, limit, _ in limits:
            recent = [t for t in self._failures.get(key, []) if now - t < self.window_s] + [now]
            self._failures[key] = recent
            most = max(most, len(recent))
            if len(recent) >= limit:
                self._locked_until[key] = now + self.lockout_s
        self._all_failures = [t for t in self._all_failures if now - t < self.window_s]
        wait = 0.0
        if len(self._all_failures) >= self.max_total_failures:
            turn = max(now, self._next_turn)
            wait = min(turn - now, self.max_global_wait_s)
            self._next_turn = turn + self.global_interval_s
        self._all_failures.append(now)
        return now, min(most, self.max_failures), wait

    def _prune(self, now: float) -> None:
        # Under self._lock: forget keys with no failure in the window and no lock, so a
        # guesser rotating sessions and names cannot grow these maps without end.
        for key in list(self._failures):
            recent = [t for t in self._failures[key] if now - t < self.window_s]
            if recent or self._locked_until.get(key, 0) > now:
                self._failures[key] = recent
            else:
                del self._failures[key]
                self._locked_until.pop(key, None)

    def _release(self, limits: list[tuple[str, int, str]], reserved_at: float) -> None:
        # Under self._lock: a success is not a failure; it clears what its reservation set.
        for key, _, _ in limits:
            if key.startswith("name\0"):
                self._failures.pop(key, None)
                self._locked_until.pop(key, None)
                continue
            recent = self._failures.get(key, [])
            if reserved_at in recent:
                recent.remove(reserved_at)
            until = self._locked_until.get(key)
            if until == reserved_at + self.lockout_s:  # set by this very attempt
                del self._locked_until[key]
        if reserved_at in self._all_failures:
            self._all_failures.remove(reserved_at)

    def sign_in(
        self,
        config: EditorConfig,
        name: str,
        password: str,
        *,
        client: str | None = None,
        address: str | None = None,
    ) -> str | None:
        """The editor's name if the sign-in succeeds, else None (after a short delay).

        ``client`` is the browser session's id and ``address`` its network address (None:
        this machine). Raises LockedOutError while this client, or this name from this
        address, is locked out; InvalidNameError for a name :func:`normalize_name` refuses
        and PasswordTooLongError for a password over :data:`MAX_PASSWORD_CHARS` (neither is
        counted: they cost no scrypt).
        """
        key = name_key(name)
        if len(password) > MAX_PASSWORD_CHARS:
            raise PasswordTooLongError(len(password))
        limits = self._limits(key, client, address_key(address))
        with self._lock:
            reserved_at, failures, wait = self._reserve(limits)
        if wait > 0:
            self.sleep(wait)  # global pressure: slower for everybody, refused for nobody
        editor = config.identify(name, password)
        if editor is not None:
            with self._lock:
                self._release(limits, reserved_at)
            return editor
        self.sleep(min(0.5 * failures, 3.0))
        return None


_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def password_in_clear(url: str | None, tls_configured: bool) -> bool:
    """True if a password typed on the page at ``url`` crosses the network unencrypted.

    ``url`` is the address in the viewer's browser (None if unknown) and ``tls_configured``
    whether the server itself serves TLS (``server.sslCertFile``). An ``https:`` URL (the
    server's TLS, or a proxy's in front of it) is safe; so is ``localhost``, where nothing
    crosses a network. An unknown URL on a server without TLS counts as in clear.
    """
    if tls_configured:
        return False
    if not url:
        return True
    parts = urllib.parse.urlsplit(url)
    return parts.scheme != "https" and (parts.hostname or "") not in _LOOPBACK_HOSTS


@dataclass
class _Session:
    editor: str
    last_seen: float
    clients: set[str] = field(default_factory=set)  # Streamlit session ids seen with it


class SessionRegistry:
    """Signed-in sessions, server side: token -> (editor, last seen).

    A browser session holds only its token. :meth:`check` on every page run ends a session
    idle longer than ``idle_s`` (default :func:`impact.config.session_idle_s`, read at each
    check) and otherwise marks it seen; :meth:`sign_out` ends every session of that editor,
    in every tab and browser. ``clock`` is injectable for tests.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        idle_s: Callable[[], float] = config.session_idle_s,
    ) -> None:
        self.clock, self.idle_s = clock, idle_s
        self._sessions: dict[str, _Session] = {}
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self._sessions.clear()

    def open(self, editor: str) -> str:
        """A new token for ``editor``'s session."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._drop_idle(self.clock())
            self._sessions[token] = _Session(editor, self.clock())
        return token

    def _drop_idle(self, now: float) -> None:
        limit = self.idle_s()
        for token in [t for t, s in self._sessions.items() if now - s.last_seen > limit]:
            del self._sessions[token]

    def check(self, token: str | None, client: str | None = None) -> str | None:
        """The editor of a live session (marked seen now), None if unknown, idle or ended.

        ``client`` is the browser connection's id (Streamlit's session id): remembered, so the
        upload endpoint can ask :meth:`allows_upload` without any page running.
        """
        if not token:
            return None
        now = self.clock()
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            if now - session.last_seen > self.idle_s():
                del self._sessions[token]
                return None
            session.last_seen = now
            if client:
                session.clients.add(client)
            return session.editor

    def allows_upload(self, client: str) -> bool:
        """True if browser connection ``client`` belongs to a live, signed-in editor session
        (does not mark it seen: only page runs do)."""
        now, limit = self.clock(), self.idle_s()
        with self._lock:
            return any(
                client in s.clients and now - s.last_seen <= limit for s in self._sessions.values()
            )

    def sign_out(self, token: str | None) -> int:
        """End every session of the editor holding ``token``; how many ended."""
        with self._lock:
            session = self._sessions.get(token or "")
            if session is None:
                return 0
            key = session.editor.casefold()
            ended = [t for t, s in self._sessions.items() if s.editor.casefold() == key]
            for t in ended:
                del self._sessions[t]
            return len(ended)


THROTTLE = LoginThrottle()
SESSIONS = SessionRegistry()
