"""Child processes that end with the build: Pagefind, the finishing pass's worker.

A build killed outright (SIGKILL, the out-of-memory killer) runs no Python on its way out, so a child it
started would go on writing into a folder the next build removes. The kernel ends it instead.
"""

from __future__ import annotations

import shutil


def dying_with_parent(command: list[str]) -> list[str]:
    """The command, started by util-linux's setpriv so that the kernel kills it when the thread that started
    it ends (PR_SET_PDEATHSIG; a preexec_fn would not be safe with the build's threads). Without setpriv
    (not Linux), the caller still stops it on every ending Python sees."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--", *command] if setpriv else command
