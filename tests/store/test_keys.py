import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.store.errors import KeyFileError, WrongRecoveryKey, WrongSecret
from desktop_app.store.keys import (
    FAST_KDF_FOR_TESTS,
    KeyFile,
    format_recovery_key,
    new_data_key,
    parse_recovery_key,
)


@pytest.fixture
def made():
    data_key = new_data_key()
    keys, recovery = KeyFile.create("reg-1", data_key, "mật khẩu dài", FAST_KDF_FOR_TESTS)
    return keys, recovery, data_key


def test_unlock_with_passphrase_and_recovery(made):
    keys, recovery, data_key = made
    assert keys.unlock("mật khẩu dài") == data_key
    assert keys.unlock_with_recovery(recovery) == data_key


def test_recovery_key_is_nine_groups_of_four(made):
    _keys, recovery, _ = made
    groups = recovery.split("-")
    assert len(groups) == 9 and all(len(g) == 4 and g.isalnum() for g in groups)
    assert not set(recovery) & set("ILOU")


def test_wrong_passphrase(made):
    keys, _, _ = made
    with pytest.raises(WrongSecret, match="Mật khẩu không đúng"):
        keys.unlock("mật khẩu sai")


def test_passphrase_typed_in_nfd_still_unlocks(made):
    keys, _, data_key = made
    import unicodedata

    assert keys.unlock(unicodedata.normalize("NFD", "mật khẩu dài")) == data_key


def test_recovery_typing_is_forgiving(made):
    keys, recovery, data_key = made
    sloppy = recovery.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert keys.unlock_with_recovery(sloppy) == data_key


def test_mistyped_recovery_key_is_caught_by_the_check(made):
    keys, recovery, _ = made
    first = recovery[0]
    typo = ("A" if first != "A" else "B") + recovery[1:]
    with pytest.raises(WrongRecoveryKey, match="gõ sai"):
        keys.unlock_with_recovery(typo)


def test_recovery_key_of_another_register(made):
    keys, _, _ = made
    _other, foreign = KeyFile.create("reg-2", new_data_key(), "x" * 8, FAST_KDF_FOR_TESTS)
    with pytest.raises(WrongRecoveryKey, match="không phải của sổ này"):
        keys.unlock_with_recovery(foreign)


def test_wrong_length_recovery_key(made):
    keys, _, _ = made
    with pytest.raises(WrongRecoveryKey, match="9 nhóm"):
        keys.unlock_with_recovery("ABCD-EFGH")


def test_json_round_trip_and_no_secret_in_clear(made, tmp_path):
    keys, recovery, data_key = made
    path = tmp_path / "k.keys"
    keys.save(path)
    text = path.read_text()
    assert data_key.hex() not in text and recovery not in text
    doc = json.loads(text)
    assert doc["passphrase"]["kdf"] == "argon2id"
    assert doc["passphrase"]["memory_kib"] == FAST_KDF_FOR_TESTS.memory_kib
    assert KeyFile.load(path).unlock("mật khẩu dài") == data_key


def test_rewrap_keeps_the_data_key(made):
    keys, recovery, data_key = made
    keys.rewrap_passphrase(data_key, "mật khẩu mới 2026")
    assert keys.unlock("mật khẩu mới 2026") == data_key
    assert keys.unlock_with_recovery(recovery) == data_key
    with pytest.raises(WrongSecret):
        keys.unlock("mật khẩu dài")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{}",
        "not json",
        '{"format": "sochibo-keys/9"}',
        '{"format": "sochibo-keys/1", "register_id": "x"}',
    ],
)
def test_damaged_key_file(text, tmp_path):
    path = tmp_path / "k.keys"
    path.write_text(text)
    with pytest.raises(KeyFileError):
        KeyFile.load(path)


def test_missing_key_file(tmp_path):
    with pytest.raises(KeyFileError, match="Không tìm thấy tệp khóa"):
        KeyFile.load(tmp_path / "none.keys")


def test_tampered_wrap_is_refused(made):
    keys, _, _ = made
    sealed = bytearray(keys.passphrase_wrap["sealed"].encode())
    sealed[5] = ord("A") if sealed[5] != ord("A") else ord("B")
    keys.passphrase_wrap["sealed"] = sealed.decode()
    with pytest.raises((WrongSecret, ValueError)):
        keys.unlock("mật khẩu dài")


@settings(max_examples=50)
@given(st.binary(min_size=20, max_size=20))
def test_recovery_format_round_trip(secret):
    assert parse_recovery_key(format_recovery_key(secret)) == secret
