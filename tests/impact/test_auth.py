"""Editor sign-in: scrypt hashes, who may edit, and the throttle on failed sign-ins."""

from __future__ import annotations

import hashlib
import threading

import pytest

from impact import auth

PASSWORD = "batik-blitar-2024"


@pytest.fixture(scope="module")
def stored_hash() -> str:
    return auth.hash_password(PASSWORD)  # scrypt is slow on purpose: hash once per module


@pytest.fixture(scope="module")
def other_hash() -> str:
    return auth.hash_password("sandi-lain")


def test_hash_and_verify_round_trip(stored_hash) -> None:
    assert stored_hash.startswith("scrypt$16384$8$1$")
    assert auth.verify_password(PASSWORD, stored_hash)


@pytest.mark.parametrize("attempt", ["batik-blitar-2025", "", "BATIK-BLITAR-2024", PASSWORD + " "])
def test_a_wrong_password_is_refused(stored_hash, attempt) -> None:
    assert not auth.verify_password(attempt, stored_hash)


def test_the_same_password_hashes_differently_each_time(stored_hash) -> None:
    again = auth.hash_password(PASSWORD)
    assert again != stored_hash and auth.verify_password(PASSWORD, again)
    fixed = auth.hash_password(PASSWORD, salt=b"0123456789abcdef")
    assert fixed == auth.hash_password(PASSWORD, salt=b"0123456789abcdef")


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "not-a-hash",
        "plain-text-password",
        "bcrypt$16384$8$1$c2FsdA==$ZGlnZXN0",  # another scheme
        "scrypt$16384$8$1$c2FsdA==",  # a part missing
        "scrypt$abc$8$1$c2FsdA==$ZGlnZXN0",  # a cost that is not a number
        "scrypt$16384$8$1$!!!$ZGlnZXN0",  # not base64
        "scrypt$3$8$1$c2FsdA==$ZGlnZXN0",  # n not a power of two
        "scrypt$16384$8$1$c2FsdA==$ZGlnZXN0$extra",
    ],
)
def test_a_malformed_hash_verifies_nothing(stored) -> None:
    assert auth.verify_password(PASSWORD, stored) is False


def test_no_configuration_means_editing_is_off() -> None:
    config = auth.EditorConfig.load(None, environ={})
    assert not config.enabled
    assert not config.check("sari", PASSWORD)
    assert not auth.EditorConfig.load({}, environ={auth.PASSWORD_HASH_ENV: ""}).enabled


def test_per_editor_hashes(stored_hash, other_hash) -> None:
    config = auth.EditorConfig.load({"sari": stored_hash, "budi": other_hash}, environ={})
    assert config.enabled
    assert config.check("sari", PASSWORD)
    assert config.check(" sari ", PASSWORD)  # the name is trimmed
    assert not config.check("sari", "sandi-lain")  # budi's password is not sari's
    assert config.check("budi", "sandi-lain")
    assert not config.check("tamu", PASSWORD)  # no shared hash: other names may not edit
    assert not config.check("", PASSWORD)
    assert not config.check("sari", "")


def test_a_shared_hash_admits_any_name(stored_hash, other_hash) -> None:
    config = auth.EditorConfig.load(
        {"budi": other_hash}, environ={auth.PASSWORD_HASH_ENV: stored_hash}
    )
    assert config.enabled and config.shared_hash == stored_hash
    assert config.check("sari", PASSWORD) and config.check("tamu", PASSWORD)
    assert not config.check("sari", "salah")
    # an editor with an own hash signs in with that one only
    assert config.check("budi", "sandi-lain") and not config.check("budi", PASSWORD)
    assert not config.check("  ", PASSWORD)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def config(stored_hash) -> auth.EditorConfig:
    return auth.EditorConfig({"sari": stored_hash})


def test_throttle_locks_after_five_failures_and_unlocks_after_the_lockout(config, clock) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for _ in range(5):
        clock.now += 1
        assert throttle.sign_in(config, "sari", "salah") is None
    assert clock.slept == [0.5, 1.0, 1.5, 2.0, 2.5]  # a growing delay on each failure
    with pytest.raises(auth.LockedOutError) as caught:
        throttle.sign_in(config, "sari", PASSWORD)  # even the right password waits
    assert caught.value.seconds == 301
    clock.now += 200
    with pytest.raises(auth.LockedOutError) as caught:
        throttle.sign_in(config, "SARI ", PASSWORD)  # the same name, however written
    assert caught.value.seconds == 101
    assert throttle.sign_in(config, "budi", "salah") is None  # other names are not locked
    clock.now += 101
    assert throttle.sign_in(config, "sari", PASSWORD) == "sari"


def test_throttle_counts_failures_within_the_window_only(config, clock) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for _ in range(4):
        assert throttle.sign_in(config, "sari", "salah") is None
    clock.now += 901  # the window is 15 minutes: those four are forgotten
    for _ in range(4):
        assert throttle.sign_in(config, "sari", "salah") is None
    assert throttle.sign_in(config, "sari", PASSWORD) == "sari"  # not locked


def test_a_success_resets_the_count(config, clock) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for _ in range(4):
        throttle.sign_in(config, "sari", "salah")
    assert throttle.sign_in(config, "sari", PASSWORD) == "sari"
    for _ in range(4):
        assert throttle.sign_in(config, "sari", "salah") is None
    assert throttle.sign_in(config, "sari", PASSWORD) == "sari"
    assert max(clock.slept) <= 3.0


# --- issue 14: safe on an office network -------------------------------------------------


def test_twenty_simultaneous_guesses_for_one_name_check_five_passwords(
    config, clock, monkeypatch
) -> None:
    """Each attempt is reserved under the lock before its password is checked: a burst of 20
    wrong guesses at once gets 5 checks, the other 15 are refused as locked."""
    throttle = auth.LoginThrottle(clock=clock, sleep=lambda s: None)
    checked, real = [], auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda *a: checked.append(1) or real(*a))
    start = threading.Barrier(20)
    outcomes: list[str] = []

    def guess() -> None:
        start.wait()
        try:
            outcomes.append("wrong" if throttle.sign_in(config, "sari", "salah") is None else "in")
        except auth.LockedOutError:
            outcomes.append("locked")

    threads = [threading.Thread(target=guess) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["locked"] * 15 + ["wrong"] * 5
    assert len(checked) == 5
    with pytest.raises(auth.LockedOutError):
        throttle.sign_in(config, "sari", PASSWORD)


def test_rotating_names_from_one_address_locks_that_address_only(
    config, clock, fast_checks
) -> None:
    """One wrong guess under each of 30 names, in fresh sessions from one machine: after 10
    failures that address waits; an editor at another address is not stopped."""
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    refused = 0
    for i in range(30):
        clock.now += 1
        try:
            guess = throttle.sign_in(
                config, f"tamu{i}", "salah", client=f"tab{i}", address="10.0.0.66"
            )
            assert guess is None
        except auth.LockedOutError as exc:
            assert exc.scope == "client"
            refused += 1
    assert refused == 20
    assert throttle.sign_in(config, "sari", PASSWORD, address="10.0.0.7") == "sari"
    with pytest.raises(auth.LockedOutError):  # the guesser's machine, even with the password
        throttle.sign_in(config, "sari", PASSWORD, client="new", address="10.0.0.66")


def test_one_session_is_stopped_before_its_address(config, clock) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for i in range(5):
        assert throttle.sign_in(config, f"tamu{i}", "x", client="tab", address="10.0.0.5") is None
    with pytest.raises(auth.LockedOutError) as caught:
        throttle.sign_in(config, "tamu9", "x", client="tab", address="10.0.0.5")
    assert caught.value.scope == "client"
    # another tab on that machine still has the address's remaining tries
    assert throttle.sign_in(config, "sari", PASSWORD, client="tab2", address="10.0.0.5") == "sari"


def test_a_chosen_editor_cannot_be_locked_out_by_five_guesses(config, clock) -> None:
    """Editor names may be known; five wrong passwords for 'sari' from a guesser's address
    lock 'sari' for that address only."""
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for i in range(5):
        assert (
            throttle.sign_in(config, "sari", "salah", client=f"t{i}", address="10.0.0.66") is None
        )
    with pytest.raises(auth.LockedOutError) as caught:
        throttle.sign_in(config, "sari", PASSWORD, client="t9", address="10.0.0.66")
    assert caught.value.scope == "name"
    assert throttle.sign_in(config, "sari", PASSWORD, client="hers", address="10.0.0.7") == "sari"


@pytest.fixture
def fast_checks(monkeypatch, stored_hash) -> None:
    """Password checks without scrypt, for tests of many attempts (the throttle's logic)."""
    monkeypatch.setattr(auth, "verify_password", lambda p, h: p == PASSWORD and h == stored_hash)


def test_an_anonymous_guesser_with_many_addresses_cannot_deny_a_right_password(
    config, clock, fast_checks
) -> None:
    """A guesser with 100 addresses, each trying 'sari' and invented names until refused: the
    global limit only makes each attempt wait its turn (at most 5 s); sari gets in."""
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for a in range(100):
        for i in range(12):
            try:
                throttle.sign_in(
                    config, "sari" if i % 2 else f"tamu{i}", "salah", address=f"10.1.{a}.1"
                )
            except auth.LockedOutError:
                pass
    clock.slept.clear()
    assert throttle.sign_in(config, "sari", PASSWORD, client="hers", address="10.0.0.7") == "sari"
    assert 0 < sum(clock.slept) <= 5.0  # slowed, not refused


def test_past_the_global_budget_guesses_wait_their_turn(config, clock, fast_checks) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for a in range(20):
        throttle.sign_in(config, "tamu", "x", address=f"10.2.0.{a}")
    assert clock.slept == [0.5] * 20  # under the budget: only each client's own delay
    clock.slept.clear()
    for a in range(8):  # all at one moment, from fresh addresses
        throttle.sign_in(config, "tamu", "x", address=f"10.3.0.{a}")
    waits = [s for s in clock.slept if s != 0.5]
    assert waits == [1.0, 2.0, 3.0, 4.0, 5.0, 5.0, 5.0]  # one a second, at most 5 s each


def test_the_twentieth_attempt_with_the_right_password_is_not_a_failure(
    config, clock, fast_checks
) -> None:
    """The 20th attempt in the window, a right one, used to set a lock for everybody that was
    never cleared. It now counts as nothing: the budget stays at 19 failures."""
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for a in range(19):
        clock.now += 1
        assert throttle.sign_in(config, f"tamu{a}", "x", address=f"10.4.0.{a}") is None
    assert throttle.sign_in(config, "sari", PASSWORD, address="10.0.0.7") == "sari"  # 20th
    clock.slept.clear()
    assert throttle.sign_in(config, "sari", PASSWORD, address="10.0.0.8") == "sari"
    assert throttle.sign_in(config, "tamu", "x", address="10.4.1.1") is None  # the 20th failure
    assert clock.slept == [0.5]  # no wait for a turn yet: the right sign-ins spent nothing


def test_a_right_password_clears_the_lock_its_own_attempt_set(config, clock) -> None:
    """The 5th attempt of a session reserves a failure and locks the session; if it is right,
    that lock goes with it."""
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for i in range(4):
        throttle.sign_in(config, f"tamu{i}", "x", client="tab", address="10.0.0.5")
    assert throttle.sign_in(config, "sari", PASSWORD, client="tab", address="10.0.0.5") == "sari"
    assert throttle.sign_in(config, "tamu", "x", client="tab", address="10.0.0.5") is None


@pytest.mark.parametrize(
    "address, key",
    [
        (None, "local"),
        ("10.0.0.5", "10.0.0.5"),
        ("::ffff:10.0.0.5", "10.0.0.5"),
        ("2001:db8::1", "2001:db8::/64"),
        ("2001:db8::ffff:1", "2001:db8::/64"),  # one machine's /64 is one client
    ],
)
def test_addresses_are_throttled_by_machine(address, key) -> None:
    assert auth.address_key(address) == key


def test_an_over_long_password_is_refused_before_any_hashing(config, clock, scrypt_calls) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    with pytest.raises(auth.PasswordTooLongError):
        throttle.sign_in(config, "sari", "x" * (auth.MAX_PASSWORD_CHARS + 1))
    assert scrypt_calls == [] and clock.slept == []
    assert throttle.sign_in(config, "sari", PASSWORD) == "sari"  # and it was not counted


def test_a_success_does_not_spend_the_shared_budget(config, clock) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep, max_total_failures=3)
    for _ in range(10):
        assert throttle.sign_in(config, "sari", PASSWORD) == "sari"
    assert throttle.sign_in(config, "tamu", "salah") is None


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("  Sari  ", "Sari"),
        ("Sri  Wahyuni", "Sri Wahyuni"),  # inner spaces collapsed
        ("ｓａｒｉ", "sari"),  # full-width letters: NFKC
        ("budi_2.-x", "budi_2.-x"),
        ("Ñoño", "Ñoño"),
        ("Андрей", "Андрей"),  # one script, not Latin: fine
        ("", ""),
    ],
)
def test_names_are_normalized(typed, shown) -> None:
    assert auth.normalize_name(typed) == shown


@pytest.mark.parametrize(
    "typed, code",
    [
        ("sa\u200bri", "control"),  # zero-width space
        ("\u202eirAS", "control"),  # right-to-left override
        ("sari\x1b[31m", "control"),  # a terminal escape
        ("sari\n", "control"),
        ("s" * 65, "too-long"),
        ("sar\u0456", "mixed-script"),  # Cyrillic 'і' inside a Latin name
        ("s\u0435ri", "mixed-script"),  # Cyrillic 'е'
        ("sari<script>", "character"),
        ("sari@kantor", "character"),
    ],
)
def test_names_that_hide_or_impersonate_are_refused(typed, code) -> None:
    with pytest.raises(auth.InvalidNameError) as caught:
        auth.normalize_name(typed)
    assert caught.value.code == code


def test_names_match_whatever_their_case_and_width(config, clock) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    assert throttle.sign_in(config, "ＳＡＲＩ", PASSWORD) == "sari"  # the configured name
    for _ in range(5):
        throttle.sign_in(config, "Sari", "salah")
    with pytest.raises(auth.LockedOutError):
        throttle.sign_in(config, "ｓａｒｉ", PASSWORD)  # one key for every spelling
    with pytest.raises(auth.InvalidNameError):
        throttle.sign_in(config, "s\u0430ri", PASSWORD)  # a Cyrillic 'а' is not sari


@pytest.fixture
def scrypt_calls(monkeypatch) -> list[int]:
    auth._dummy_hash()  # made once per process; not part of a check
    calls: list[int] = []
    real = hashlib.scrypt
    monkeypatch.setattr(hashlib, "scrypt", lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


@pytest.mark.parametrize(
    "name, password",
    [
        ("sari", PASSWORD),  # known, right
        ("sari", "salah"),  # known, wrong
        ("tamu", PASSWORD),  # unknown name: checked against a dummy hash
        ("", PASSWORD),  # empty name
        ("sari", ""),  # empty password
        ("s\u200bari", PASSWORD),  # a refused name
    ],
)
@pytest.mark.parametrize("shared", [False, True])
def test_every_check_costs_exactly_one_scrypt(
    stored_hash, other_hash, scrypt_calls, name, password, shared
) -> None:
    config = auth.EditorConfig({"sari": stored_hash}, other_hash if shared else None)
    config.check(name, password)
    assert len(scrypt_calls) == 1


class IdleClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_sessions_end_when_idle_and_staying_active_keeps_them() -> None:
    clock = IdleClock()
    sessions = auth.SessionRegistry(clock=clock, idle_s=lambda: 1800)
    token = sessions.open("sari")
    for _ in range(5):  # active every 20 minutes: never idle 30
        clock.now += 1200
        assert sessions.check(token) == "sari"
    clock.now += 1801
    assert sessions.check(token) is None
    assert sessions.check(token) is None  # gone, not revived
    assert sessions.check("made-up") is None and sessions.check(None) is None


def test_signing_out_ends_every_session_of_that_editor_only() -> None:
    sessions = auth.SessionRegistry(clock=IdleClock(), idle_s=lambda: 1800)
    tab1, tab2, other = sessions.open("sari"), sessions.open("Sari"), sessions.open("budi")
    assert len({tab1, tab2, other}) == 3
    assert sessions.sign_out(tab1) == 2
    assert sessions.check(tab1) is None and sessions.check(tab2) is None
    assert sessions.check(other) == "budi"
    assert sessions.sign_out("made-up") == 0


def test_the_idle_limit_follows_the_setting(monkeypatch) -> None:
    clock = IdleClock()
    monkeypatch.setenv("BATIK_SESSION_IDLE_MINUTES", "1")
    sessions = auth.SessionRegistry(clock=clock)
    token = sessions.open("sari")
    clock.now += 61
    assert sessions.check(token) is None


def test_stale_counts_are_forgotten(config, clock, fast_checks, monkeypatch) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    monkeypatch.setattr(throttle, "PRUNE_ABOVE", 10)
    for a in range(10):
        throttle.sign_in(config, "tamu", "x", client=f"t{a}", address=f"10.5.0.{a}")
    clock.now += 901
    throttle.sign_in(config, "tamu", "x", client="late", address="10.6.0.1")
    throttle.sign_in(config, "tamu", "x", client="late", address="10.6.0.1")
    assert set(throttle._failures) == {
        "addr\x0010.6.0.1",
        "session\x00late",
        "name\x0010.6.0.1\x00tamu",
    }
