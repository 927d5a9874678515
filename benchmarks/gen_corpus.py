"""Synthetic news articles for benchmarks: realistic, distinct, deterministic.

Stories (visits, arms deliveries, accusations and denials, sanctions, drills,
protests, summits) are filled from templates in `corpus_templates.yaml` with
countries, capitals and demonyms from `corpus_vocab.yaml`. Every country has a
recurring cast of officials (so entities recur across documents, as in real
news) and every article quotes one person of its own. Articles come in the
layouts ingest meets in the wild: "<title> date YYYY-MM-DD <body>" headers,
datelines, bylines, credit lines and ad or share lines.

Article `i` of seed `s` depends only on (s, i), and each article carries a
distinct (date, quoted person) pair, so no two articles are duplicates.

    python benchmarks/gen_corpus.py --n 10000 --seed 1 --out DIR
    python benchmarks/gen_corpus.py --n 10000 --seed 1 --jsonl FILE
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3650
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TITLES = {"pres": "President", "fm": "Foreign Minister", "dm": "Defence Minister",
          "army": "army chief", "navy": "navy commander"}


@lru_cache(maxsize=None)
def _yaml(name: str) -> dict:
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class Article:
    """One generated article with the metadata a JSON Lines record carries."""

    name: str
    title: str
    text: str
    published: str
    outlet: str

    def record(self) -> dict:
        return {"id": self.name, "title": self.title, "text": self.text,
                "published": self.published, "outlet": self.outlet}


class Corpus:
    """The vocabulary and the per-country cast of one seed."""

    def __init__(self, seed: int = 0):
        vocab = _yaml("corpus_vocab.yaml")
        self.seed = seed
        self.vocab = vocab
        self.templates = _yaml("corpus_templates.yaml")
        self.kinds = sorted(k for k in self.templates if not k.startswith("_"))
        self.context = self.templates["_context"]
        self.countries = vocab["countries"]
        self.people = len(vocab["first_names"]) * len(vocab["surnames"])
        self.keys = self.people * DAYS
        self.stride = _coprime_stride(self.keys, seed)
        self.cast = self._cast(random.Random(f"newsgraph-corpus:{seed}:cast"))

    def _cast(self, rng: random.Random) -> dict[str, dict[str, str]]:
        """Recurring officials: the same names for a country throughout the corpus."""
        first, last = self.vocab["first_names"], self.vocab["surnames"]
        return {name: {slot: f"{rng.choice(first)} {rng.choice(last)}" for slot in TITLES}
                for name, _capital, _demonym in self.countries}

    def unique_key(self, i: int) -> tuple[dt.date, str]:
        """A (date, person) pair no other article index below `self.keys` shares."""
        p = (i * self.stride + self.seed) % self.keys
        person, day = divmod(p, DAYS)
        first, last = divmod(person, len(self.vocab["surnames"]))
        name = f"{self.vocab['first_names'][first]} {self.vocab['surnames'][last]}"
        return FIRST_DAY + dt.timedelta(days=day), name

    def slots(self, rng: random.Random, date: dt.date, one: str) -> dict[str, str]:
        picked = rng.sample(self.countries, 4)
        out: dict[str, str] = {}
        for label, (country, capital, demonym) in zip("ABCD", picked):
            out.update({label: country, f"{label}_cap": capital, f"{label}_dem": demonym})
            out.update({f"{label}_{slot}": name for slot, name in self.cast[country].items()})
        v = self.vocab
        out.update(one=one, one2=f"{rng.choice(v['first_names'])} {rng.choice(v['surnames'])}",
                   pct=str(rng.randint(3, 78)), one_role=rng.choice(v["one_off_roles"]).format(capital=out["A_cap"]),
                   weapon=rng.choice(v["weapons"]), sector=rng.choice(v["sectors"]),
                   model=f"{rng.choice(v['designations'])}-{rng.randint(2, 99)}",
                   n=str(rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 40, 50, 120, 300])),
                   crowd=f"{rng.randint(2, 90) * 500:,}",
                   m=str(rng.randint(12, 4000)), days=str(rng.randint(2, 9)),
                   year=str(rng.randint(1995, date.year - 1)), weekday=WEEKDAYS[date.weekday()],
                   month=MONTHS[(date.month - 2) % 12])
        return out

    def article(self, i: int) -> Article:
        rng = random.Random(f"newsgraph-corpus:{self.seed}:{i}")
        date, one = self.unique_key(i)
        kind = self.kinds[i % len(self.kinds)] if rng.random() < 0.3 else rng.choice(self.kinds)
        t = self.templates[kind]
        s = self.slots(rng, date, one)
        title = rng.choice(t["headlines"]).format_map(s)
        paragraphs = [rng.choice(t["leads"]).format_map(s)]
        paragraphs += [p.format_map(s) for p in rng.sample(t["body"], rng.randint(4, len(t["body"])))]
        own_quote = [q for q in t["quotes"] if "{one}" in q]
        quotes = [rng.choice(own_quote)] + rng.sample([q for q in t["quotes"] if q not in own_quote], 1)
        for q in quotes:
            paragraphs.insert(rng.randint(2, len(paragraphs)), q.format_map(s))
        for extra in rng.sample(self.context, rng.randint(3, 5)):
            paragraphs.insert(rng.randint(1, len(paragraphs)), extra.format_map(s))
        paragraphs.append(rng.choice(t["background"]).format_map(s))
        paragraphs = _introduce_officials(paragraphs, s)
        outlet = rng.choice(self.vocab["outlets"])
        text = _layout(rng, title, paragraphs, date, outlet, s, self.vocab)
        return Article(f"{i:07d}_{kind}.txt", title, text, date.isoformat(), outlet)


def _introduce_officials(paragraphs: list[str], s: dict[str, str]) -> list[str]:
    """Give each official's first mention its title, as a reporter would ("Iranian President X")."""
    text = "\n\n".join(paragraphs)
    for label in "ABCD":
        for slot, title in TITLES.items():
            name = s[f"{label}_{slot}"]
            at = text.find(name)
            if at < 0 or text[max(0, at - 40):at].rstrip().endswith(title):
                continue
            text = f"{text[:at]}{s[label + '_dem']} {title} {text[at:]}"
    return text.split("\n\n")


def _coprime_stride(modulus: int, seed: int) -> int:
    """A multiplier that permutes 0..modulus-1, so distinct indexes map to distinct keys."""
    stride = (7919 * 104729 + seed * 2) | 1
    while math.gcd(stride, modulus) != 1:
        stride += 2
    return stride


def _layout(rng: random.Random, title: str, paragraphs: list[str], date: dt.date, outlet: str,
            s: dict[str, str], vocab: dict) -> str:
    """Arrange one article in one of the layouts found in scraped news."""
    form = rng.randrange(4)
    byline = f"By {rng.choice(vocab['first_names'])} {rng.choice(vocab['surnames'])}"
    long_date = f"{WEEKDAYS[date.weekday()]}, {date.day} {MONTHS[date.month - 1]} {date.year}"
    ads = rng.sample(vocab["ads"], rng.randint(0, 3))
    if form == 0:
        head = [f"{title} date {date.isoformat()} {paragraphs[0]}"]
        return "\n\n".join(head + paragraphs[1:] + ads) + "\n"
    if form == 1:
        lead = f"{s['A_cap'].upper()}, {MONTHS[date.month - 1]} {date.day} ({outlet}) - {paragraphs[0]}"
        return "\n\n".join([title, long_date, byline, lead] + paragraphs[1:] + ads) + "\n"
    if form == 2:
        body = [title, f"Published: {date.isoformat()}"] + paragraphs + [f"Source: {outlet}"] + ads
        return "\n\n".join(body) + "\n"
    middle = paragraphs[:]
    if ads:
        middle.insert(rng.randint(1, len(middle)), ads[0])
    return "\n\n".join([title, byline, long_date] + middle) + "\n"


def articles(n: int, seed: int = 0, start: int = 0) -> Iterator[Article]:
    """Articles `start` .. `start + n - 1` of the corpus for `seed`."""
    corpus = Corpus(seed)
    for i in range(start, start + n):
        yield corpus.article(i)


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, article text) for `n` synthetic articles, the same for the same seed."""
    for a in articles(n, seed):
        yield a.name, a.text


def write_dir(out: str, n: int, seed: int) -> None:
    os.makedirs(out, exist_ok=True)
    for name, text in generate(n, seed):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


def write_jsonl(path: str, n: int, seed: int) -> None:
    with (sys.stdout if path == "-" else open(path, "w", encoding="utf-8")) as fh:
        for a in articles(n, seed):
            fh.write(json.dumps(a.record(), ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic news corpus for benchmarks.")
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed: the same seed gives the same corpus")
    parser.add_argument("--out", help="folder to write one .txt file per article into")
    parser.add_argument("--jsonl", help="file to write one JSON record per line into ('-' for stdout)")
    args = parser.parse_args(argv)
    if not args.out and not args.jsonl:
        parser.error("give --out DIR or --jsonl FILE (or both)")
    if args.out:
        write_dir(args.out, args.n, args.seed)
    if args.jsonl:
        write_jsonl(args.jsonl, args.n, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
