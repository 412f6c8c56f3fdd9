"""Outputs and projects the bench is done with, moved aside until the run has measured everything, not deleted
between timed builds.

This machine's disk is ext4 mounted without a journal. ext4 then skips, when it allocates an inode, every inode
freed in the last 60 s (300 s while its table block is dirty), reading the inode table to find them
(``recently_deleted`` in fs/ext4/ialloc.c). A build that followed the removal of the last one's output (18,000
files at N = 3,000) paid for that removal: the same build of the corpus without screenshots took 35.5 s wall and
4.2 s of system time with nothing removed before it, 48.8 s and 17.2 s right after one output was removed, and
more as a run went on (the drift the images stage had taken for the machine slowing down). A rename frees no
inode. ``remove`` deletes what was set aside once the run is over.

Reads and writes only the paths it is given; produces nothing.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

FOLDER = ".set-aside"  # beside what was set aside: a rename within one file system


def set_aside(path: Path) -> None:
    """Move ``path``, when it exists, into the set-aside folder beside it."""
    if not path.exists():
        return
    aside = path.parent / FOLDER
    aside.mkdir(exist_ok=True)
    path.rename(aside / f"{path.name}-{uuid.uuid4().hex[:12]}")


def remove(work_dir: Path) -> None:
    """Delete what was set aside in ``work_dir`` and in its folders (a stage's outputs sit one level down)."""
    for aside in [work_dir / FOLDER, *work_dir.glob(f"*/{FOLDER}")]:
        shutil.rmtree(aside, ignore_errors=True)
