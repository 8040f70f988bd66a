"""Things to tell the user while opening a database that do not stop it from opening.

``open_database(..., notify=...)`` hands them over; the command line prints ``message``
on stderr, the app shows a translated sentence (``views.errors.describe_notice``).
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# file systems served by another machine: SQLite's locking is not reliable on them
NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "ncpfs", "afs", "ceph", "glusterfs", "9p", "davfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.davfs2", "fuse.cephfs", "fuse.rclone", "lustre", "gpfs",
})
MOUNTS = Path("/proc/mounts")


@dataclass(frozen=True)
class Notice:
    location: str

    @property
    def message(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class NetworkShare(Notice):
    """The SQLite file lies on a network share."""

    kind: str

    @property
    def message(self) -> str:
        return (f"{self.location} is on a network share ({self.kind}); SQLite cannot lock it reliably there, "
                "so two people using it at once can damage it — for a team, use the server mode "
                "(--db postgresql+psycopg://…).")


@dataclass(frozen=True)
class ServerNotBackedUp(Notice):
    """A PostgreSQL database is about to be migrated without an automatic backup."""

    revision: str
    command: str
    reason: str = ""

    @property
    def message(self) -> str:
        why = f" ({self.reason})" if self.reason else " (pg_dump is not installed)"
        return (f"No automatic backup of {self.location} is made before its schema is updated from "
                f"{self.revision}{why}; to keep one, run: {self.command}")


@dataclass(frozen=True)
class ServerBackedUp(Notice):
    """A PostgreSQL database was dumped with pg_dump before its migration."""

    path: str

    @property
    def message(self) -> str:
        return f"Before updating its schema, {self.location} was backed up with pg_dump to {self.path}."


def _unescape(field: str) -> str:
    """/proc/mounts writes a space as \\040, a tab as \\011 and so on."""
    return field.encode().decode("unicode_escape") if "\\" in field else field


def _linux_fs_type(path: Path) -> str | None:
    try:
        lines = MOUNTS.read_text(errors="replace").splitlines()
    except OSError:
        return None
    best, kind = "", None
    text = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = _unescape(parts[1])
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind


def _windows_remote(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\"):
        return "smb"
    try:
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:  # DRIVE_REMOTE
            return "smb"
    except (AttributeError, OSError):
        pass
    return None


def _mac_fs_type(path: Path) -> str | None:
    try:
        out = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    best, kind = "", None
    for line in out.splitlines():  # "//user@server/share on /Volumes/share (smbfs, nodev, …)"
        if " on " not in line or "(" not in line:
            continue
        point = line.split(" on ", 1)[1].rsplit(" (", 1)[0]
        fs = line.rsplit("(", 1)[1].split(",")[0].strip(" )")
        if (str(path) + "/").startswith(point.rstrip("/") + "/") and len(point) >= len(best):
            best, kind = point, fs
    return kind


def network_share(path: Path) -> str | None:
    """The network file system ``path`` is on (``nfs4``, ``cifs``…), or None (local or unknown)."""
    folder = Path(os.path.abspath(path))
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    folder = folder.resolve()
    if sys.platform.startswith("linux"):
        kind = _linux_fs_type(folder)
    elif sys.platform == "win32":
        kind = _windows_remote(folder)
    elif sys.platform == "darwin":
        kind = _mac_fs_type(folder)
    else:
        kind = None
    if kind is None:
        return None
    return kind if kind in NETWORK_FS or kind == "smb" else None
