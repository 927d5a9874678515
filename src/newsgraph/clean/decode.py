"""Bytes to text: detect the encoding, and refuse rather than guess wrong."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputRejected

BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a decoding is not trusted
CONTROL_OK = set("\n\r\t\f\v")
WESTERN_PUNCTUATION = set("’‘“”–—…€°«»·£§©®\u00a0")


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in CONTROL_OK) or ch == "\ufffd")
    return bad / max(1, len(sample))


def _western(data: bytes) -> str | None:
    """Windows-1252 text (the web's "latin-1"), when the bytes are that and nothing else is likelier.

    Statistical detectors often read short Western European text as a Baltic or
    Cyrillic code page; browsers settle the same ambiguity in favour of cp1252.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    extra = [ch for ch in text if ord(ch) > 127]
    if not extra or len(extra) > 0.3 * len(text):
        return None
    latin = sum(1 for ch in extra if ch.isalpha() or ch in WESTERN_PUNCTUATION)
    return text if latin / len(extra) > 0.9 else None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) or raise InputRejected with the reason."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputRejected("undecodable", f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from None
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        western = _western(data)
        if western is not None:
            return western, "cp1252"
    best = from_bytes(data).best()
    if best is None:
        reason = "binary" if b"\x00" in data else "undecodable"
        raise InputRejected(reason, "binary or undecodable content: no text encoding fits these bytes" if reason == "binary"
                            else "cannot decode: no text encoding fits these bytes")
    text = str(best)
    if best.chaos > MAX_CHAOS or best.coherence == 0 or _control_share(text) > 0.01:
        raise InputRejected("binary" if b"\x00" in data else "undecodable",
                            f"cannot decode reliably (best guess {best.encoding} gives garbled text); convert it to UTF-8")
    return text, best.encoding
