"""`entities`, `entity`, `merge`, `split`, `rename`: the entities of the corpus and analysts' corrections."""
from __future__ import annotations

import newsgraph

from . import output

TYPES = ("PERSON", "ORG", "COUNTRY", "LOCATION", "WEAPON", "EVENT", "OTHER")


def register(commands, common) -> None:
    p = commands.add_parser("entities", parents=[common], help="list entities (people, organisations, countries, ...)")
    p.add_argument("--type", choices=TYPES, type=str.upper, help="only entities of this type")
    p.add_argument("--country", help="only people and organisations acting for this country (name or id)")
    p.add_argument("--q", metavar="TEXT", help="only entities whose name or an alias contains TEXT")
    p.add_argument("--limit", type=int, default=None, help="at most this many")
    p.set_defaults(run=run_entities)
    e = commands.add_parser("entity", parents=[common],
                            help="one entity: aliases, roles, country, mentions per document and why they were linked")
    e.add_argument("ref", metavar="NAME_OR_ID")
    e.set_defaults(run=run_entity)
    m = commands.add_parser("merge", parents=[common], help="merge entities into the first one (lasts across new documents)")
    m.add_argument("keep", metavar="KEEP", help="the entity to keep (id or name)")
    m.add_argument("others", metavar="OTHER", nargs="+", help="entities merged into KEEP")
    m.set_defaults(run=run_merge)
    s = commands.add_parser("split", parents=[common],
                            help="move the mentions written as ALIAS out of an entity into a new one")
    s.add_argument("ref", metavar="ENTITY", help="the entity to split (id or name)")
    s.add_argument("aliases", metavar="ALIAS", nargs="+", help="surface forms that name another entity")
    s.add_argument("--name", help="canonical name of the new entity (default: its fullest alias)")
    s.set_defaults(run=run_split)
    r = commands.add_parser("rename", parents=[common], help="give an entity a canonical name that new documents keep")
    r.add_argument("ref", metavar="ENTITY", help="the entity to rename (id or name)")
    r.add_argument("name", metavar="NEW_NAME")
    r.set_defaults(run=run_rename)


def run_entities(args) -> int:
    with newsgraph.open(args.db) as kb:
        items = kb.entities(type=args.type, country=args.country, q=args.q, limit=args.limit)
        names = {e["id"]: e["name"] for e in kb.entities(type="COUNTRY")} if not args.json else {}
    rows = [[e["id"], e["type"], e["name"], names.get(e["country"], e["country"] or ""),
             ", ".join(a for a in e["aliases"] if a != e["name"])[:60], "; ".join(e["roles"])[:50]] for e in items]
    output.show(args, items, ["id", "type", "name", "country", "aliases", "roles"], rows)
    return 0


def run_entity(args) -> int:
    with newsgraph.open(args.db) as kb:
        data = kb.entity(args.ref)
    if args.json:
        output.emit_json(data)
    else:
        print_entity(data)
    return 0


def print_entity(data: dict) -> None:
    esc = output.escape
    out = output.out
    out.print(f"[bold]{esc(data['name'])}[/bold] {data['id']} {data['type']}"
              + (f", for {esc(data['country_name'])} ({data['country']})" if data["country"] else "")
              + (" [dim](name fixed by an analyst)[/dim]" if data["name_locked"] else ""))
    out.print(f"aliases: {esc(', '.join(data['aliases']))}")
    for role in data["roles"]:
        where = f" ({role['country']})" if role["country"] else ""
        out.print(f"role: {esc(role['role'])}{esc(where)} [dim]({len(role['docs'])} document(s))[/dim]")
    for d in data["documents"]:
        out.print(f"[bold]{d['doc']}[/bold] {esc(d['name'] or '')}: {d['mentions']} mention(s) as "
                  f"{esc(', '.join(repr(t) for t in d['texts']))}")
        for why in d["why"]:
            out.print(f"  [dim]why: {esc(why)}[/dim]")
    for o in data["overrides"]:
        out.print(f"[yellow]{o['action']}[/yellow] {esc(str({k: v for k, v in o.items() if k != 'action'}))}")


def _done(args, verb: str, ent: dict) -> int:
    if args.json:
        output.emit_json(ent)
    elif not args.quiet:
        output.out.print(f"{verb} {ent['id']} {output.escape(ent['name'])} ({ent['type']})")
    return 0


def run_merge(args) -> int:
    with newsgraph.open(args.db) as kb:
        return _done(args, "merged into", kb.merge(args.keep, *args.others))


def run_split(args) -> int:
    with newsgraph.open(args.db) as kb:
        return _done(args, "split off as", kb.split(args.ref, args.aliases, args.name))


def run_rename(args) -> int:
    with newsgraph.open(args.db) as kb:
        return _done(args, "renamed", kb.rename(args.ref, args.name))
