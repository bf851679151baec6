"""Settings: types, defaults, and one clear error for a value that cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import auth, config


def test_defaults_without_any_setting(tmp_path: Path) -> None:
    settings = config.load({config.SECRETS_FILE: str(tmp_path / "none.toml")})
    assert settings.db_path == config.DEFAULT_DB_PATH
    assert settings.duckdb_memory == "256MB"
    assert settings.check_memory == "160MB"
    assert settings.max_upload_bytes == 200 * 2**20
    assert settings.editor_password_hash is None and settings.editors == {}
    assert settings.session_idle_s == 30 * 60
    assert settings.session_upload_bytes == 2 * 200 * 2**20  # twice the largest upload
    assert settings.allowed_hosts == ()  # any Host header, as Streamlit alone


def test_every_setting_is_read_from_the_environment(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[editors]\nsari = "scrypt$1$2$3$a$b"\n', encoding="utf-8")
    shared = auth.hash_password("x")
    settings = config.load(
        {
            config.DB_PATH: str(tmp_path / "b.duckdb"),
            config.DUCKDB_MEMORY: "2GB",
            config.CHECK_MEMORY: "1GB",
            config.MAX_UPLOAD_MB: "0.5",
            config.EDITOR_PASSWORD_HASH: shared,
            config.SECRETS_FILE: str(secrets),
            config.SESSION_IDLE_MINUTES: "5",
            config.SESSION_UPLOAD_MB: "1.5",
            config.ALLOWED_HOSTS: "localhost, 127.0.0.1,PC-Dinas,*.blitarkota.go.id,::1",
        }
    )
    assert settings.db_path == tmp_path / "b.duckdb"
    assert (settings.duckdb_memory, settings.max_upload_bytes) == ("2GB", 2**19)
    assert settings.check_memory == "1GB"
    assert settings.editor_password_hash == shared
    assert settings.editors == {"sari": "scrypt$1$2$3$a$b"}
    assert settings.session_idle_s == 300
    assert settings.session_upload_bytes == int(1.5 * 2**20)
    assert settings.allowed_hosts == (
        "localhost",
        "127.0.0.1",
        "pc-dinas",
        "*.blitarkota.go.id",
        "::1",
    )
    assert auth.EditorConfig.from_settings(settings).enabled


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (config.DUCKDB_MEMORY, "banyak"),
        (config.DUCKDB_MEMORY, "1GB'; DROP TABLE upload; --"),
        (config.CHECK_MEMORY, "1GB'; SELECT 1; --"),
        (config.MAX_UPLOAD_MB, "sepuluh"),
        (config.MAX_UPLOAD_MB, "inf"),
        (config.MAX_UPLOAD_MB, "nan"),
        (config.MAX_UPLOAD_MB, "-5"),
        (config.SESSION_IDLE_MINUTES, "0"),
        (config.SESSION_UPLOAD_MB, "-1"),
        (config.EDITOR_PASSWORD_HASH, "plaintext-password"),
        (config.ALLOWED_HOSTS, "pc-dinas:8501"),
        (config.ALLOWED_HOSTS, "http://pc-dinas"),
        (config.ALLOWED_HOSTS, "*"),
        (config.ALLOWED_HOSTS, "pc-dinas,,localhost"),
        (config.ALLOWED_HOSTS, "pc dinas"),
    ],
)
def test_a_bad_value_is_one_clear_error_never_the_default(name: str, value: str, tmp_path) -> None:
    with pytest.raises(config.ConfigError) as caught:
        config.load({name: value, config.SECRETS_FILE: str(tmp_path / "none.toml")})
    assert caught.value.name == name
    assert name in str(caught.value) and "expected" in str(caught.value)
    # the shared password itself never appears in the message
    assert "plaintext-password" not in str(caught.value)


def test_the_session_upload_cap_follows_the_upload_limit_unless_set() -> None:
    assert config.session_upload_bytes({config.MAX_UPLOAD_MB: "50"}) == 100 * 2**20
    assert config.session_upload_bytes({config.SESSION_UPLOAD_MB: "3"}) == 3 * 2**20


def test_a_broken_secrets_file_is_named(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text("[editors\nsari = ", encoding="utf-8")
    with pytest.raises(config.ConfigError) as caught:
        config.load({config.SECRETS_FILE: str(secrets)})
    assert caught.value.name == config.SECRETS_FILE


def test_the_secrets_file_is_parsed_again_only_when_it_changes(tmp_path: Path, monkeypatch) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[editors]\nsari = "scrypt$1$2$3$a$b"\n', encoding="utf-8")
    env = {config.SECRETS_FILE: str(secrets)}
    parsed: list[str] = []
    real_loads = config.tomllib.loads
    monkeypatch.setattr(
        config.tomllib, "loads", lambda text: parsed.append(text) or real_loads(text)
    )
    assert config.load(env).editors == config.load(env).editors == {"sari": "scrypt$1$2$3$a$b"}
    assert len(parsed) == 1  # the second run only looked at the file's time and size
    secrets.write_text(
        '[editors]\nsari = "scrypt$1$2$3$a$b"\nbudi = "scrypt$9"\n', encoding="utf-8"
    )
    assert set(config.load(env).editors) == {"sari", "budi"}  # an added editor counts at once
    assert len(parsed) == 2
    secrets.unlink()
    assert config.load(env).editors == {}
