"""An opaque applicant key, so that repeated requests "by the same applicant" can be counted without
storing who the applicant is.

At import the applicant's IIN (else phone number), normalised, is hashed with HMAC-SHA256 under a
secret that lives in the user's own settings folder (never in the project file), and only the
first 16 hex digits are stored. Without that secret the key cannot be turned back into an IIN or a
phone, not even by trying every IIN, so a project handed to someone else says only "these requests
came from one person". The IIN and the phone themselves are dropped as before.
"""

from __future__ import annotations

import hmac
import os
import secrets
import sys
from pathlib import Path

import numpy as np
import pandas as pd

try:  # CPython's OpenSSL binding, which hmac.digest calls; hmac.digest where it is missing
    from _hashlib import hmac_digest as _one_shot_hmac
except ImportError:  # pragma: no cover
    _one_shot_hmac = hmac.digest  # type: ignore[assignment]

from kcdesk.core.normalise.columns import _PHONE, _PHONE_SEPARATORS, personal_numbers
from kcdesk.core.normalise.iin import _digits_only, decode_iin

SECRET_FILE = "applicant-secret.txt"
SECRET_BYTES = 32
KEY_HEX = 16  # 64 bits: no two applicants of a project share a key in practice
_cache: dict[Path, bytes] = {}


def settings_folder() -> Path:
    """The user's local settings folder: KCDESK_SETTINGS_DIR, else %LOCALAPPDATA%\\kcdesk on Windows
    (local, not roaming: the secret stays on this computer), else $XDG_CONFIG_HOME/kcdesk or
    ~/.config/kcdesk."""
    override = os.environ.get("KCDESK_SETTINGS_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "kcdesk"
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "kcdesk"


def applicant_secret() -> bytes:
    """The secret applicant keys are made with: read from the settings folder, created there (random,
    readable by the user only) the first time."""
    path = settings_folder() / SECRET_FILE
    if path in _cache:
        return _cache[path]
    try:
        secret = bytes.fromhex(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        secret = b""
    if len(secret) < SECRET_BYTES:
        secret = secrets.token_bytes(SECRET_BYTES)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "x", encoding="utf-8") as handle:  # only if no other process made it first
                handle.write(secret.hex() + "\n")
            if sys.platform != "win32":
                os.chmod(path, 0o600)
        except FileExistsError:
            existing = bytes.fromhex(path.read_text(encoding="utf-8").strip() or "00")
            if len(existing) >= SECRET_BYTES:
                secret = existing
            else:  # a damaged file: replaced (the keys it made no longer match new ones)
                scratch = path.with_name(path.name + f".{os.getpid()}.tmp")
                with open(scratch, "w", encoding="utf-8") as handle:
                    handle.write(secret.hex() + "\n")
                if sys.platform != "win32":
                    os.chmod(scratch, 0o600)
                os.replace(scratch, path)
    _cache[path] = secret
    return secret


def applicant_ids(iin: pd.Series | None, phone: pd.Series | None,
                  decoded: pd.DataFrame | None = None) -> pd.Series:
    """Per row: "iin:<12 digits>" for a valid IIN, else "tel:<10 digits>" for a Kazakhstan phone,
    else None. Only ever an intermediate: never stored, logged or shown. `decoded`: decode_iin(iin),
    when the caller has it already."""
    given = iin if iin is not None else phone
    index = given.index if given is not None else pd.RangeIndex(0)
    out = pd.Series(None, index=index, dtype=object)
    if phone is not None:
        is_phone = (personal_numbers(phone) == "phone").to_numpy(dtype=bool)
        if is_phone.any():
            squeezed = phone[is_phone].astype(str).str.replace(_PHONE_SEPARATORS, "", regex=True)
            national = squeezed.str.extract(_PHONE.pattern, expand=False)
            out[is_phone] = ("tel:" + national).where(national.notna(), None)
    if iin is not None:
        is_iin = (decode_iin(iin) if decoded is None else decoded)["valid"].to_numpy(dtype=bool)
        if is_iin.any():
            out[is_iin] = "iin:" + _digits_only(iin[is_iin])
    return out


def applicant_keys(iin: pd.Series | None, phone: pd.Series | None, secret: bytes | None = None,
                   decoded: pd.DataFrame | None = None) -> pd.Series:
    """Per row: the opaque applicant key (16 hex digits) or None when the row has neither a valid
    IIN nor a phone. Hashed once per distinct applicant."""
    ids = applicant_ids(iin, phone, decoded)
    if ids.isna().all():
        return ids
    key = applicant_secret() if secret is None else secret
    codes, uniques = pd.factorize(ids, use_na_sentinel=True)
    # OpenSSL's one-shot HMAC (what hmac.digest calls, without its Python wrapper per value),
    # several times faster than hmac.new(...).hexdigest().
    # The digests' first bytes are joined and turned into hex once, then cut in numpy.
    size = KEY_HEX // 2
    digest = _one_shot_hmac
    joined = b"".join([digest(key, u.encode("ascii"), "sha256")[:size] for u in uniques])
    keys = np.array([joined.hex()]).view(f"U{KEY_HEX}").astype(object)
    hashed = np.append(keys, np.array([None], dtype=object))
    return pd.Series(hashed[codes], index=ids.index, dtype=object)
