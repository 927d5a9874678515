"""Language identification, so non-English documents are stored but not run through English analysis."""
from __future__ import annotations

from functools import lru_cache

MIN_CONFIDENCE = 0.9
MIN_CHARS = 40


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """ISO 639-1 code; short or uncertain texts count as English."""
    sample = " ".join(text.split())[:2000]  # enough to call a language; the classifier is linear in length
    if len(sample) < MIN_CHARS:
        return "en"
    lang, prob = _identifier().classify(sample)
    return lang if prob >= MIN_CONFIDENCE else "en"
