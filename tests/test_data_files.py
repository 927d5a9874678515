"""The data files hold words; YAML reads a bare on/off/yes/no/true/false as a boolean, which then
never matches the word it was meant to be ("fired on", "called the claim false")."""
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data"


def booleans_in_lists(node, path: str = "") -> list[str]:
    """Where a list holds a boolean (a flag's value in a mapping is fine)."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in booleans_in_lists(v, f"{path}/{k}")]
    if isinstance(node, list):
        return [hit for i, v in enumerate(node)
                for hit in ([f"{path}[{i}]"] if isinstance(v, bool) else booleans_in_lists(v, f"{path}[{i}]"))]
    return []


def test_no_word_list_holds_a_boolean():
    found = [f"{f.name}{p}" for f in sorted(DATA.glob("*.yaml")) for p in booleans_in_lists(yaml.safe_load(f.read_text()))]
    assert not found, f"quote these words in the data files: {found}"


def test_every_country_an_epithet_may_stand_for_is_a_gazetteer_country():
    """A misspelt name in `epithet_qualifiers` would silently never match."""
    from newsgraph.extract.lexicon import references
    from newsgraph.resolve import gazetteer

    known = set(gazetteer.countries())
    refs = references()
    unknown = {name for table in (refs.epithet_members, refs.epithet_qualifiers) for names in table.values()
               for name in names} - known
    assert not unknown, f"not country names in countries.yaml: {sorted(unknown)}"
    assert all(refs.epithet_qualifiers.values()), "a qualifier with no countries (a '+name' that names nothing?)"
