from pathlib import Path

from bot.fingerprints import PARSER_VERSION, Fingerprint, fingerprint


def test_round_trips_through_text(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"hello")
    print_ = fingerprint(path)
    assert print_.version == PARSER_VERSION
    assert Fingerprint.parse(str(print_)) == print_
    assert Fingerprint.parse("1:abc") is None
    assert Fingerprint.parse(None) is None


def test_an_unchanged_stat_reuses_the_previous_hash(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"hello")
    real = fingerprint(path)
    stale = Fingerprint(real.version, "not-the-hash", real.size, real.mtime_ns)
    assert fingerprint(path, stale) is stale  # trusted without reading the file
    other_version = Fingerprint("0", real.sha256, real.size, real.mtime_ns)
    assert fingerprint(path, other_version) == real
    path.write_bytes(b"hello, world")
    assert not fingerprint(path, real).same_content(real)
