"""Atomic writing and reproducible zips: what every output of a build rests on."""

from __future__ import annotations

import io
import os
import stat
import zipfile

import pytest

from briefing.errors import BriefingError
from briefing.files import reproducible_zip, write_atomic


def test_write_atomic_makes_the_folder_and_the_file(tmp_path):
    target = tmp_path / "ny" / "mappe" / "deck.pptx"
    write_atomic(target, b"abc")
    assert target.read_bytes() == b"abc"
    assert os.listdir(target.parent) == ["deck.pptx"]


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["deck.pptx"]


def test_written_files_follow_the_umask_not_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "deck.pptx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "deck.pptx").stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(BriefingError) as caught:
        write_atomic(target, b"new")
    assert caught.value.render(tmp_path) == "deck.pptx: filen kan ikke skrives (disken er fuld)"
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["deck.pptx"]


def test_a_locked_file_says_it_may_be_open_in_powerpoint(tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(BriefingError) as caught:
        write_atomic(target, b"new")
    assert caught.value.render(tmp_path) == ("deck.pptx: filen kan ikke overskrives; den er måske åben i PowerPoint "
                                             "eller et andet program. Luk den og byg igen")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["deck.pptx"]


def test_a_folder_that_cannot_be_made_is_named(tmp_path):
    (tmp_path / "fil").write_bytes(b"")
    with pytest.raises(BriefingError) as caught:
        write_atomic(tmp_path / "fil" / "deck.pptx", b"x")
    assert caught.value.render(tmp_path).startswith("fil: mappen kan ikke oprettes eller skrives i (")


def _zip(entries) -> bytes:
    with reproducible_zip() as archive:
        for name, blob in entries:
            archive.write(name, blob)
    return archive.data


def test_the_same_content_gives_the_same_bytes_with_fixed_times():
    entries = [("ppt/slides/slide1.xml", b"<a/>" * 100), ("ppt/media/image1.png", b"\x89PNG" + b"0" * 50)]
    first = _zip(entries)
    assert first == _zip(entries)
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        infos = {i.filename: i for i in z.infolist()}
        assert {i.date_time for i in infos.values()} == {(1980, 1, 1, 0, 0, 0)}
        assert infos["ppt/slides/slide1.xml"].compress_type == zipfile.ZIP_DEFLATED
        assert infos["ppt/media/image1.png"].compress_type == zipfile.ZIP_STORED  # pictures are compressed already
        assert z.read("ppt/slides/slide1.xml") == b"<a/>" * 100
        assert {i.external_attr >> 16 for i in infos.values()} == {0o644}


def test_a_python_pptx_part_name_is_written_without_its_leading_slash():
    from pptx.opc.packuri import PackURI

    data = _zip([(PackURI("/ppt/slides/slide1.xml"), b"<a/>"), (PackURI("/ppt/media/image1.PNG"), b"png")])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist() == ["ppt/slides/slide1.xml", "ppt/media/image1.PNG"]
        assert z.getinfo("ppt/media/image1.PNG").compress_type == zipfile.ZIP_STORED


def test_the_temporary_file_is_hidden_beside_the_target_until_it_is_renamed(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def replace(src, dst):
        seen.append((sorted(os.listdir(tmp_path)), os.fspath(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "deck.pptx", b"new")
    [(listing, src, dst)] = seen
    assert dst == os.fspath(tmp_path / "deck.pptx")
    assert os.path.dirname(src) == os.fspath(tmp_path)
    name = os.path.basename(src)
    assert name.startswith(".deck.pptx.") and name.endswith(".tmp") and len(name) > len(".deck.pptx..tmp")
    assert listing == [name]
    assert (tmp_path / "deck.pptx").read_bytes() == b"new"


def test_a_folder_that_cannot_be_written_in_is_named_with_the_reason(tmp_path, monkeypatch):
    import tempfile

    def refused(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(BriefingError) as caught:
        write_atomic(tmp_path / "ud" / "deck.pptx", b"x")
    assert caught.value.render(tmp_path) == "ud: mappen kan ikke oprettes eller skrives i (adgang nægtet)"
    assert not (tmp_path / "ud" / "deck.pptx").exists()


@pytest.mark.parametrize("error, reason", [
    (OSError(28, "No space left on device"), "disken er fuld"),
    (OSError(9999, "Something new"), "systemfejl 9999"),
    (OSError("no errno"), "systemfejl"),
])
def test_the_reason_of_a_system_error_is_said_in_danish(error, reason):
    from briefing.files import os_reason

    assert os_reason(error) == reason


def test_a_rename_that_fails_for_another_reason_names_the_file_and_the_reason(tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(BriefingError) as caught:
        write_atomic(target, b"new")
    assert caught.value.render(tmp_path) == "deck.pptx: filen kan ikke skrives (disken er fuld)"
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["deck.pptx"]
