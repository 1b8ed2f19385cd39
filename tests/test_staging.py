"""The swap of a staging folder for the published one, and who deletes the old site (publish/staging.py).

A build's last step deletes the old site in another process (delete_later); these check that the new site
is in place first, that the process deletes the old one by a name no later build reuses, and that the
next build's clean-up, deleting the same folder at the same time, neither fails nor leaves anything.
"""

from __future__ import annotations

import errno
import subprocess
import time
from pathlib import Path

import pytest

from disclosures.publish import staging


def site(folder: Path, marker: str, files: int = 3) -> Path:
    for i in range(files):
        (folder / "sub" / str(i % 7)).mkdir(parents=True, exist_ok=True)
        (folder / "sub" / str(i % 7) / f"{i}.html").write_text(marker, encoding="utf-8")
    (folder / "index.html").write_text(marker, encoding="utf-8")
    return folder


def gone(path: Path, wait: float = 30) -> bool:
    deadline = time.monotonic() + wait
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not path.exists()


class Spawned:
    """subprocess.Popen as publish calls it: the commands, each run once it has been looked at."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.commands: list[list[str]] = []
        self.held: list[str] = []  # the old site's marker, read from the folder named, before it runs
        real = subprocess.Popen

        def popen(command: list[str], *args, **kwargs):
            self.commands.append(command)
            self.held.append((Path(command[-1]) / "index.html").read_text(encoding="utf-8"))
            return real(command, *args, **kwargs)
        monkeypatch.setattr(staging.subprocess, "Popen", popen)


def test_the_new_site_is_in_place_and_another_process_deletes_the_old(tmp_path: Path, monkeypatch) -> None:
    published = site(tmp_path / "site", "old", files=500)
    built = staging.begin(published)
    site(built, "new")
    spawned = Spawned(monkeypatch)
    staging.publish(built, published)
    assert (published / "index.html").read_text(encoding="utf-8") == "new"
    assert spawned.commands == [["rm", "-rf", "--", str(built)]] and spawned.held == ["old"]
    assert gone(built)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_fallback_gives_the_old_site_a_name_of_its_own_before_it_is_deleted(tmp_path: Path,
                                                                                 monkeypatch) -> None:
    """Without an atomic exchange the old site waits under a fixed name (old_path) that the next build's
    fallback uses again: `rm -rf` must not be given that name."""
    published = site(tmp_path / "site", "old")
    built = staging.begin(published)
    site(built, "new")

    def no_exchange(a: Path, b: Path) -> None:
        raise OSError(errno.EINVAL, "no exchange here")
    monkeypatch.setattr(staging, "exchange", no_exchange)
    spawned = Spawned(monkeypatch)
    staging.publish(built, published)
    assert (published / "index.html").read_text(encoding="utf-8") == "new"
    assert not staging.old_path(published).exists()
    assert spawned.commands == [["rm", "-rf", "--", str(built)]] and spawned.held == ["old"]
    assert gone(built)


def test_with_no_process_to_be_had_the_old_site_is_deleted_at_once(tmp_path: Path, monkeypatch) -> None:
    published = site(tmp_path / "site", "old")
    built = site(staging.begin(published), "new")

    def refused(*args, **kwargs):
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
    monkeypatch.setattr(staging.subprocess, "Popen", refused)
    staging.publish(built, published)
    assert not built.exists() and (published / "index.html").read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("attempt", range(5))
def test_the_next_builds_clean_up_and_the_deleting_process_meet_without_an_error(tmp_path: Path,
                                                                                   attempt: int) -> None:
    """recover() (the next build) deletes an old site that `rm -rf` is deleting too: each takes what the
    other has not, and neither reports an entry the other removed first."""
    published = tmp_path / "site"
    site(published, "new")
    old = site(tmp_path / ".staging-site.4242-cafe", "old", files=3000)
    staging.delete_later(old)
    assert staging.recover(published) == []
    assert not old.exists() and (published / "index.html").is_file()


def test_any_other_error_while_deleting_is_raised(tmp_path: Path) -> None:
    with pytest.raises(PermissionError):
        staging._gone_already(lambda p: None, str(tmp_path),
                              (PermissionError, PermissionError(errno.EPERM, "no"), None))
    staging._gone_already(lambda p: None, str(tmp_path), (FileNotFoundError, FileNotFoundError(), None))
