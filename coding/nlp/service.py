"""Project-level NLP: a per-document cache, search over all documents, suggestions, code-all-hits.

The GUI panels and ``duiding search``/``duiding suggest`` call these functions; they receive plain
values. Processing a document is the only slow step, so its :class:`ProcessedText` is cached in
the ``nlp_cache`` table, keyed by the SHA-256 of the text: an unchanged document is never processed
twice, and a pseudonymised (rewritten) document is processed again automatically.
"""

from __future__ import annotations

import hashlib
import importlib.util
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select

from coding.commands import ApplyCodes, CodeSpans, Command, Macro
from coding.nlp.lemmas import simplemma_version
from coding.nlp.pipeline import DEFAULT_MODEL, NlpPipeline, ProcessedText, TurnSpan, process
from coding.nlp.search import Hit, search
from coding.nlp.suggest import Suggestion, builtin_keywords, suggest
from coding.project import Project
from coding.types import Changes, CodeId, DocumentId, SegmentFilter, TurnInfo, Valence
from models.nlp_models import NlpCache

Progress = Callable[[int, int, str], None]  # (done, total, document name)


@dataclass(frozen=True)
class ProjectHit:
    document_id: DocumentId
    document: str
    hit: Hit


@dataclass(frozen=True)
class ProjectSuggestion:
    document_id: DocumentId
    document: str
    code_id: CodeId | None
    suggestion: Suggestion


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def turn_spans(project: Project, doc_id: DocumentId) -> list[TurnSpan]:
    # cast: DocumentManager has a method named ``list`` that shadows the builtin for mypy.
    infos = cast("Sequence[TurnInfo]", project.documents.turns(doc_id))
    return [TurnSpan(t.start, t.end, t.speaker, t.role.value if t.role else None) for t in infos]


def processed_text(
    project: Project, doc_id: DocumentId, pipeline: NlpPipeline | None = None
) -> ProcessedText:
    """The document's tokens/sentences/lemmas, from the cache or processed (and cached) now.

    Turn roles are taken fresh from the project (a researcher may change a speaker's role
    after processing), so only the token data comes from the cache.
    """
    text = project.documents.text(doc_id)
    digest = _sha(text)
    turns = turn_spans(project, doc_id)
    with project.store.read() as s:
        row = s.get(NlpCache, doc_id)
        cached = row.data if row is not None and row.text_sha256 == digest else None
    if cached is not None:
        try:
            result = ProcessedText.from_bytes(cached)
        except ValueError:
            result = None
        if result is not None and [t[:2] for t in result.turns] == [t[:2] for t in turns]:
            return ProcessedText(
                result.pipeline_name, result.text_length, result.tokens, result.sentences, turns
            )
    result = process(text, turns, pipeline)
    if not project.store.readonly:
        with project.store.write() as s:
            row = s.get(NlpCache, doc_id)
            if row is None:
                s.add(
                    NlpCache(
                        document_id=doc_id,
                        text_sha256=digest,
                        pipeline=result.pipeline_name,
                        data=result.to_bytes(),
                    )
                )
            else:
                row.text_sha256, row.pipeline = digest, result.pipeline_name
                row.data = result.to_bytes()
    return result


def _documents(project: Project, names: Iterable[str] | None) -> list[tuple[DocumentId, str]]:
    if names is None:
        return [(d.id, d.name) for d in project.documents.list()]
    return [(project.documents.by_name(n).id, n) for n in names]


def search_project(
    project: Project,
    query: str,
    *,
    lemma: bool = False,
    roles: Collection[str] | None = None,
    documents: Iterable[str] | None = None,
    context_chars: int = 60,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ProjectHit]:
    """Hits of ``query`` in every (or the named) document, in document then text order.

    The first search processes each document (then cached), so a worker passes ``progress``
    (done, total, document name) and ``cancelled`` (stop after the current document).
    """
    hits: list[ProjectHit] = []
    for doc_id, name, text, processed in _each_document(project, documents, progress, cancelled):
        for hit in search(
            text, processed, query, lemma=lemma, roles=roles, context_chars=context_chars
        ):
            hits.append(ProjectHit(doc_id, name, hit))
    return hits


def hits_command(
    hits: Sequence[ProjectHit],
    code_ids: Sequence[CodeId],
    valence: Valence = Valence.NEUTRAAL,
    *,
    unit: str = "hit",
    coder: str | None = None,
) -> CodeSpans:
    """ONE undoable command coding every hit (``unit="hit"``) or its sentence
    (``"sentence"``), built but not run: the GUI runs it through its context."""
    spans: dict[tuple[DocumentId, int, int], None] = {}
    for ph in hits:
        start, end = ph.hit.start, ph.hit.end
        if unit == "sentence" and ph.hit.sentence is not None:
            start, end = ph.hit.sentence
        spans[(ph.document_id, start, end)] = None
    return CodeSpans(list(spans), list(code_ids), valence, coder)


def code_all_hits(
    project: Project,
    hits: Sequence[ProjectHit],
    code_ids: Sequence[CodeId],
    valence: Valence = Valence.NEUTRAAL,
    *,
    unit: str = "hit",
    coder: str | None = None,
) -> Changes:
    """Run :func:`hits_command` now (headless: the command line, scripts)."""
    return project.execute(hits_command(hits, code_ids, valence, unit=unit, coder=coder))


def _each_document(
    project: Project,
    documents: Iterable[str] | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[tuple[DocumentId, str, str, ProcessedText]]:
    """(id, name, text, processed text) per document, reporting progress and stopping when
    cancelled: the first pass processes each document (then cached), which takes a while."""
    docs = _documents(project, documents)
    for i, (doc_id, name) in enumerate(docs):
        if cancelled is not None and cancelled():
            return
        if progress is not None:
            progress(i, len(docs), name)
        yield doc_id, name, project.documents.text(doc_id), processed_text(project, doc_id)
    if progress is not None:
        progress(len(docs), len(docs), "")


def _norm(path: str) -> str:
    decomposed = unicodedata.normalize("NFD", path.lower().replace("_", " "))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def code_keywords(project: Project) -> tuple[dict[str, tuple[str, ...]], dict[str, CodeId]]:
    """Keywords per code path from the codebook (built-in ones where a code has none)."""
    builtin = {_norm(k): v for k, v in builtin_keywords().items()}
    keywords: dict[str, tuple[str, ...]] = {}
    ids: dict[str, CodeId] = {}
    for code in project.codes.tree():
        words = code.keywords or builtin.get(_norm(code.path), ())
        if words:
            keywords[code.path] = tuple(words)
            ids[code.path] = code.id
    return keywords, ids


def suggest_project(
    project: Project,
    *,
    documents: Iterable[str] | None = None,
    roles: Collection[str] | None = ("respondent",),
    min_score: float = 2.0,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ProjectSuggestion]:
    """Suggested passages per code over the project; nothing is applied.

    A passage already coded with the suggested code is not proposed again, so an accepted
    suggestion does not come back on the next run (in the GUI and on the command line alike).
    """
    keywords, ids = code_keywords(project)
    found: list[ProjectSuggestion] = []
    for doc_id, name, text, processed in _each_document(project, documents, progress, cancelled):
        for sg in suggest(text, processed, keywords, roles=roles, min_score=min_score):
            found.append(ProjectSuggestion(doc_id, name, ids.get(sg.code), sg))
    return _not_yet_coded(project, found)


def _not_yet_coded(project: Project, found: list[ProjectSuggestion]) -> list[ProjectSuggestion]:
    coded: dict[tuple[DocumentId, CodeId], list[tuple[int, int]]] = {}
    doc_ids = tuple({s.document_id for s in found})
    if doc_ids:
        for seg in project.segments.query(SegmentFilter(document_ids=doc_ids)):
            for coding in seg.codings:
                coded.setdefault((seg.document_id, coding.code_id), []).append(
                    (seg.start, seg.end))

    def already(s: ProjectSuggestion) -> bool:
        if s.code_id is None:
            return False
        st, en = s.suggestion.start, s.suggestion.end
        return any(a <= st and en <= b for a, b in coded.get((s.document_id, s.code_id), []))

    return [s for s in found if not already(s)]


def cached_pipeline_names(project: Project) -> dict[DocumentId, str]:
    """Which pipeline produced each cached document (shown with results)."""
    with project.store.read() as s:
        return {
            DocumentId(d): p for d, p in s.execute(select(NlpCache.document_id, NlpCache.pipeline))
        }


def expected_pipeline_name() -> str:
    """The pipeline processing will use, found without importing spaCy (start-up stays fast)."""
    lemma_name = f"simplemma {simplemma_version()}"
    if importlib.util.find_spec(DEFAULT_MODEL) is not None:
        return f"{DEFAULT_MODEL} + {lemma_name}"
    return f"spacy.blank('nl') + sentencizer + {lemma_name}"


def active_pipeline_names(project: Project) -> list[str]:
    """Pipelines that produced the cached results (usually one), else the expected one."""
    names = sorted(set(cached_pipeline_names(project).values()))
    return names or [expected_pipeline_name()]


def suggestions_command(
    items: Sequence[tuple[DocumentId, int, int, CodeId]],
    valence: Valence = Valence.NEUTRAAL,
    coder: str | None = None,
) -> Command:
    """Accepting suggestions: one ApplyCodes, or a Macro of them (one undo step) for a batch."""
    children = [ApplyCodes(d, s, e, [c], valence, coder) for d, s, e, c in items]
    if len(children) == 1:
        return children[0]
    return Macro("accept_suggestions", children, detail=str(len(children)))
