"""`events`, `claims`, `timeline`, `stories`: who did what to whom, when, and who says so."""
from __future__ import annotations

import newsgraph

from . import output

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODALITIES = ("asserted", "alleged", "denied", "planned")


def _filters(p, entity: bool = True) -> None:
    p.add_argument("--type", dest="types", action="append", choices=TYPES, type=str.upper, metavar="TYPE",
                   help="only this PLOVER type (repeatable): " + ", ".join(TYPES))
    if entity:
        p.add_argument("--actor", help="only events by this entity (name, alias or id)")
        p.add_argument("--target", help="only events aimed at this entity")
    p.add_argument("--source", help="only events this entity says happened (or denies)")
    p.add_argument("--modality", action="append", choices=MODALITIES, help="only this modality (repeatable)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only events dated on or after DATE (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only events dated on or before DATE")
    p.add_argument("--min-confidence", type=float, metavar="X", help="only events with confidence >= X (0..1)")
    p.add_argument("--evidence", action="store_true", help="show the sentence each line was read from")
    p.add_argument("--explain", action="store_true", help="show the rule and cues that produced each event")


def register(commands, common) -> None:
    p = commands.add_parser("events", parents=[common], help="PLOVER events: who did what to whom, with modality and source")
    _filters(p)
    p.add_argument("--entity", help="only events this entity takes part in (actor, target or source)")
    p.add_argument("--story", help="only the events of this story id")
    p.add_argument("--limit", type=int, default=None, help="at most this many")
    p.set_defaults(run=run_events)
    c = commands.add_parser("claims", parents=[common], help="the claims ledger: who asserts, alleges, denies what about whom")
    c.add_argument("entity", metavar="ENTITY", nargs="?", help="only claims this entity takes part in or makes")
    _filters(c, entity=False)
    c.set_defaults(run=run_claims)
    t = commands.add_parser("timeline", parents=[common], help="an entity's events in date order")
    t.add_argument("entity", metavar="ENTITY")
    _filters(t, entity=False)
    t.set_defaults(run=run_timeline)
    s = commands.add_parser("stories", parents=[common],
                            help="stories: one happening told by several documents, with its ledger of sources")
    s.add_argument("--entity", help="only stories this entity is a party to")
    s.add_argument("--evidence", action="store_true", help="show each ledger line's evidence sentence")
    s.set_defaults(run=run_stories)


def _filter_args(args, positional: bool = False) -> dict:
    keys = ("types", "actor", "target", "source", "modality", "date_from", "date_to", "min_confidence", "story")
    keys += () if positional else ("entity",)
    return {k: getattr(args, k) for k in keys if getattr(args, k, None) not in (None, [])}


def _name(names: dict, entity_id: str | None) -> str:
    return names.get(entity_id, entity_id) if entity_id else ""


def event_line(e: dict, names: dict, when: str = "date") -> str:
    """ "V12 2025-03 AID Iran -> Russia (drones) [alleged, says Ostapchuk]" """
    says = f", says {_name(names, e['source'])}" if e["source"] else ""
    parties = f"{_name(names, e['actor']) or '?'} -> {_name(names, e['target']) or '?'}"
    obj = f" ({e['object']})" if e["object"] else ""
    return f"{e['id']} {e.get(when) or e['date'] or '(undated)'} {e['type']} {parties}{obj} [{e['modality']}{says}]"


def print_events(items: list[dict], names: dict, args, when: str = "date") -> None:
    """One line per event; the evidence sentence and the rule below it when asked for."""
    esc = output.escape
    for e in items:
        output.out.print(esc(event_line(e, names, when)))
        if args.evidence:
            output.out.print(f"    [dim]“{esc(e['evidence']['text'])}”[/dim]")
        if args.explain:
            output.out.print(f"    [dim]rule: {esc(e['rule'])}; confidence {e['confidence']}[/dim]")


def show_events(args, data, items: list[dict], names: dict, title: str, when: str = "date") -> None:
    if args.json:
        output.emit_json(data)
    elif args.evidence or args.explain:
        output.out.print(f"[bold]{output.escape(title)}[/bold]")
        print_events(items, names, args, when)
    else:
        rows = [[e["id"], e.get(when) or e["date"], e["type"], _name(names, e["actor"]), _name(names, e["target"]),
                 e["modality"], _name(names, e["source"]), e["object"]] for e in items]
        output.table(title, ["id", "date", "type", "actor", "target", "modality", "source", "object"], rows)


def run_events(args) -> int:
    with newsgraph.open(args.db) as kb:
        items = kb.events(**_filter_args(args))[: args.limit]
        names = kb.entity_names({e[k] for e in items for k in ("actor", "target", "source") if e[k]})
    show_events(args, items, items, names, f"{len(items)} event(s)")
    return 0


def run_timeline(args) -> int:
    with newsgraph.open(args.db) as kb:
        data = kb.timeline(args.entity, **_filter_args(args, positional=True))
    names = {k: v["name"] for k, v in data["entities"].items()}
    show_events(args, data, data["items"], names, f"timeline of {args.entity}: {data['total']} event(s)", when="when")
    return 0


def run_claims(args) -> int:
    with newsgraph.open(args.db) as kb:
        data = kb.claims(args.entity, **_filter_args(args, positional=True))
    if args.json:
        output.emit_json(data)
        return 0
    names = {k: v["name"] for k, v in data["entities"].items()}
    esc = output.escape
    for claim in data["claims"]:
        parties = f"{_name(names, claim['actor']) or '?'} -> {_name(names, claim['target']) or '?'}"
        output.out.print(f"[bold]{claim['type']} {esc(parties)}[/bold] {claim['reports']} report(s)")
        for modality, reports in claim["by_modality"].items():
            for source in dict.fromkeys(r["source"] for r in reports):
                mine = [r for r in reports if r["source"] == source]
                who = _name(names, source) or "the article itself"
                output.out.print(f"  {modality:8s} by {esc(who)}: {len(mine)} report(s) in "
                                 f"{len({r['doc'] for r in mine})} document(s)")
                for r in mine if args.evidence or args.explain else []:
                    output.out.print(f"    [dim]{r['event']} “{esc(r['evidence']['text'])}”[/dim]")
        output.out.print(f"  [dim]independent sources: {claim['corroboration']}[/dim]")
    return 0


def print_story(story: dict, names: dict, evidence: bool) -> None:
    esc = output.escape
    parties = f"{_name(names, story['actor']) or '?'} -> {_name(names, story['target']) or '?'}"
    seen = f"{story['first_seen'] or '?'} .. {story['last_seen'] or '?'}"
    output.out.print(f"[bold]{story['id']} {story['type']} {esc(parties)}[/bold] seen {seen}, "
                     f"{story['event_count']} event(s) in {story['document_count']} document(s)")
    for line in story["ledger"]:
        who = _name(names, line["source"]) or "the article itself"
        output.out.print(f"  {line['modality']:8s} by {esc(who)}: {len(line['documents'])} document(s), "
                         f"{line['independent']} independent")
        if evidence and line["evidence"]:
            output.out.print(f"    [dim]“{esc(line['evidence'])}”[/dim]")


def run_stories(args) -> int:
    with newsgraph.open(args.db) as kb:
        items = kb.stories(args.entity)
        names = kb.entity_names({s[k] for s in items for k in ("actor", "target") if s[k]}
                                | {line["source"] for s in items for line in s["ledger"] if line["source"]})
    if args.json:
        output.emit_json(items)
        return 0
    for story in items:
        print_story(story, names, args.evidence)
    return 0
