"""NLP commands: search, suggest, pseudonymise (DESIGN.md section 7; issue 6).

``search`` and ``suggest`` open the project writable so the per-document NLP cache is filled on
first use; they never change texts or codings. ``pseudonymise --detect`` lists entities for review
(and stores proposals in the key: exports then refuse them until they are applied or rejected);
the review options (``--reject``, ``--merge``, ``--identifying``) are remembered in the key for
the next run; ``--apply`` rewrites texts and shifts codings in one transaction and confirms it
(a batch run has no later moment to undo).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit
from coding.nlp.search import QuerySyntaxError
from coding.nlp.service import cached_pipeline_names, search_project, suggest_project
from coding.project import Project
from coding.pseudonymise import attributes, names, service
from coding.pseudonymise.entities import Decision, merge


def register(sub: Any) -> None:
    p = sub.add_parser("search", help="search words, lemmas, phrases or wildcards")
    add_project(p)
    p.add_argument("query", help='e.g. wisseling, "zeg maar", wissel*')
    p.add_argument("--lemma", action="store_true", help="match every form of the word")
    p.add_argument("--speaker-role", choices=["respondent", "interviewer", "other"])
    p.add_argument("--document", action="append", dest="documents")
    add_json(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("suggest", help="passages that probably fit a code (never applied)")
    add_project(p)
    p.add_argument("--document", action="append", dest="documents")
    p.add_argument("--min-score", type=float, default=2.0)
    add_json(p)
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("pseudonymise", help="detect and replace names, places, schools...")
    add_project(p)
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--detect", action="store_true", help="list what would be replaced")
    mode.add_argument("--apply", action="store_true", help="replace it in every document")
    p.add_argument("--names", type=Path, help="names you know: one per line, or a CSV column")
    p.add_argument("--reject", action="append", default=[], metavar="FORM",
                   help="keep this word as it is (not personal data); repeatable")
    p.add_argument("--merge", action="append", default=[], metavar="FORM=FORM",
                   help="the two forms are one person or place (one replacement); repeatable")
    p.add_argument("--identifying", action="append", default=[], metavar="ATTR",
                   help="pseudonymise the values of this attribute too (e.g. naam, school)")
    p.add_argument("--not-identifying", action="append", default=[], metavar="ATTR",
                   help="leave this attribute's values as they are")
    add_json(p)
    p.set_defaults(func=cmd_pseudonymise)


def _query_error(exc: Exception) -> CliError:
    return CliError(f"cannot read the query: {exc}")


def cmd_search(args: argparse.Namespace) -> int:
    roles = {args.speaker_role} if args.speaker_role else None
    with Project.open(args.project) as project:
        try:
            hits = search_project(
                project, args.query, lemma=args.lemma, roles=roles, documents=args.documents
            )
        except QuerySyntaxError as exc:
            raise _query_error(exc) from exc
        pipelines = sorted(set(cached_pipeline_names(project).values()))
    data = {
        "query": args.query,
        "lemma": args.lemma,
        "pipeline": pipelines[0] if len(pipelines) == 1 else pipelines,
        "hits": [
            {
                "document": h.document,
                "start": h.hit.start,
                "end": h.hit.end,
                "match": h.hit.match,
                "context": " ".join(h.hit.context.split()),
                "left": h.hit.left,
                "right": h.hit.right,
                "speaker": h.hit.speaker,
                "term": h.hit.term,
            }
            for h in hits
        ],
    }
    lines = [
        f"{h.document} {h.hit.start}-{h.hit.end}  ...{' '.join(h.hit.left.split())} "
        f"[{h.hit.match}] {' '.join(h.hit.right.split())}..."
        for h in hits
    ]
    emit(args, data, lines + [f"{len(hits)} hits"])
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        found = suggest_project(project, documents=args.documents, min_score=args.min_score)
    data = [
        {
            "document": f.document,
            "code": f.suggestion.code,
            "start": f.suggestion.start,
            "end": f.suggestion.end,
            "text": f.suggestion.text,
            "triggers": list(f.suggestion.triggers),
            "score": f.suggestion.score,
        }
        for f in found
    ]
    lines = [
        f"{f.document} {f.suggestion.start}-{f.suggestion.end} {f.suggestion.code} "
        f"({f.suggestion.score:g}: {', '.join(f.suggestion.triggers)})"
        for f in found
    ]
    emit(args, data, lines + [f"{len(found)} suggestions (nothing was coded)"])
    return 0


def _entity_with(entities: list[Any], form: str) -> Any:
    wanted = " ".join(form.split()).casefold()
    for entity in entities:
        if any(f.casefold() == wanted for f in entity.forms):
            return entity
    raise CliError(f"{form!r} was not detected (see pseudonymise --detect)")


def _review(entities: list[Any], args: argparse.Namespace) -> list[Any]:
    for form in args.reject:
        _entity_with(entities, form).decision = Decision.REJECTED
    for pair in args.merge:
        left, sep, right = pair.partition("=")
        if not sep or not left.strip() or not right.strip():
            raise CliError(f"--merge takes FORM=FORM, not {pair!r}")
        keep, absorb = _entity_with(entities, right), _entity_with(entities, left)
        if keep.type is not absorb.type:
            raise CliError(f"cannot merge a {absorb.type.value} into a {keep.type.value}")
        if keep.key != absorb.key:
            entities = merge(entities, keep.key, [absorb.key])
    return entities


def cmd_pseudonymise(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        if args.names:
            if not args.names.is_file():
                raise CliError(f"{args.names.name}: no such names file")
            names.add_names(project, names.read_names_file(args.names))
        known = set(attributes.attribute_names(project))
        for attr, flag in [(a, True) for a in args.identifying] + [
                (a, False) for a in args.not_identifying]:
            if attr not in known:
                raise CliError(f"unknown attribute {attr!r} (known: {', '.join(sorted(known))})")
            project.execute(attributes.MarkAttribute(attr, flag))
        entities = _review(service.detect(project), args)
        service.save_review(project, entities)
        applied = 0
        if args.apply:
            command = service.ApplyPseudonyms(entities)
            project.execute(command)
            applied = service.confirm(project)
        flags = attributes.identifying(project)
    data = {
        "applied": bool(args.apply),
        "key_entries": applied,
        "identifying_attributes": sorted(a for a, f in flags.items() if f),
        "kept_attributes": sorted(a for a, f in flags.items() if not f),
        "entities": [
            {
                "type": e.type.value,
                "forms": e.forms,
                "replacement": e.replacement,
                "decision": e.decision,
                "mentions": len(e.mentions),
                "documents": e.documents,
                "possibly_different_people": e.identities,
            }
            for e in entities
        ],
    }
    lines = [
        f"{e.type.value:13} {e.replacement:18} {' / '.join(e.forms)} ({len(e.mentions)}x)"
        + (" [kept]" if e.decision == "rejected" else "")
        + ("".join(f"\n    possibly another person: {c}" for c in e.identities))
        for e in entities
    ]
    kept = ", ".join(sorted(a for a, f in flags.items() if not f))
    if kept:
        lines.append(f"attributes kept as they are: {kept} (mark one with --identifying)")
    verb = "replaced" if args.apply else "found (nothing changed; use --apply)"
    emit(args, data, lines + [f"{len(entities)} entities {verb}"])
    return 0
