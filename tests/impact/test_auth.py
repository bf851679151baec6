"""Editor sign-in: scrypt hashes, who may edit, and the throttle on failed sign-ins."""

from __future__ import annotations

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
        assert throttle.sign_in(config, "sari", "salah") is False
    assert clock.slept == [0.5, 1.0, 1.5, 2.0, 2.5]  # a growing delay on each failure
    with pytest.raises(auth.LockedOutError) as caught:
        throttle.sign_in(config, "sari", PASSWORD)  # even the right password waits
    assert caught.value.seconds == 301
    clock.now += 200
    with pytest.raises(auth.LockedOutError) as caught:
        throttle.sign_in(config, "SARI ", PASSWORD)  # the same name, however written
    assert caught.value.seconds == 101
    assert throttle.sign_in(config, "budi", "salah") is False  # other names are not locked
    clock.now += 101
    assert throttle.sign_in(config, "sari", PASSWORD) is True


def test_throttle_counts_failures_within_the_window_only(config, clock) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for _ in range(4):
        assert throttle.sign_in(config, "sari", "salah") is False
    clock.now += 901  # the window is 15 minutes: those four are forgotten
    for _ in range(4):
        assert throttle.sign_in(config, "sari", "salah") is False
    assert throttle.sign_in(config, "sari", PASSWORD) is True  # not locked


def test_a_success_resets_the_count(config, clock) -> None:
    throttle = auth.LoginThrottle(clock=clock, sleep=clock.sleep)
    for _ in range(4):
        throttle.sign_in(config, "sari", "salah")
    assert throttle.sign_in(config, "sari", PASSWORD) is True
    for _ in range(4):
        assert throttle.sign_in(config, "sari", "salah") is False
    assert throttle.sign_in(config, "sari", PASSWORD) is True
    assert max(clock.slept) <= 3.0
