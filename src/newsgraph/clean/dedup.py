"""Content hashes and SimHash fingerprints of article bodies, for duplicate detection.

A 64-bit SimHash over word 3-shingles; two bodies within `NEAR_DUPLICATE_BITS`
differing bits are the same story. Manku et al. (2007) use 3 bits for whole web
pages; news bodies are short, so a few edited words move more bits: on real
articles, a reworded verb, a dropped closing paragraph or an added sentence moved
0-7 bits, while different articles on the same topic stayed 26 or more apart
(tests/test_clean.py keeps such a pair). The fingerprint is stored in seven bands:
two fingerprints within 6 bits share at least one band exactly (pigeonhole), so
candidates are found by index look-up, not by scanning the corpus.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

NEAR_DUPLICATE_BITS = 6
BAND_WIDTHS = (10, 9, 9, 9, 9, 9, 9)  # NEAR_DUPLICATE_BITS + 1 bands covering 64 bits
WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def content_hash(body: str) -> str:
    return hashlib.sha256(" ".join(words(body)).encode("utf-8")).hexdigest()


def simhash(body: str, shingle: int = 3) -> int:
    tokens = words(body)
    grams = [" ".join(tokens[i:i + shingle]) for i in range(max(1, len(tokens) - shingle + 1))]
    digests = b"".join(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams)
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(len(grams), 8), axis=1)
    votes = 2 * bits.sum(axis=0, dtype=np.int64) - len(grams)  # +1 per set bit, -1 per clear bit
    # unpackbits gives the most significant bit of each big-endian digest first
    return sum(1 << (63 - k) for k in range(64) if votes[k] > 0)


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def is_near_duplicate(a: int, b: int) -> bool:
    return distance(a, b) <= NEAR_DUPLICATE_BITS


def bands(fingerprint: int) -> list[int]:
    """The fingerprint cut into `BAND_WIDTHS` slices, for candidate look-up."""
    out, shift = [], 0
    for width in BAND_WIDTHS:
        out.append(fingerprint >> shift & ((1 << width) - 1))
        shift += width
    return out
