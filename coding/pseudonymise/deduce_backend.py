"""deduce (Dutch de-identification), loaded lazily with its lookup cache in the user cache dir.

Loading deduce costs ~9 s and ~1 GB RAM, and the first load on a machine builds a ~77 MB lookup
cache in 2–3 minutes. By default deduce writes that cache into its own package folder
(site-packages), which is read-only for many users and shared between environments; ``Deduce``
takes a ``cache_path`` argument, so we point it at ``platformdirs.user_cache_dir("duiding")/deduce``
(DESIGN.md section 4). The instance is loaded once per process, in whatever worker first needs it.

deduce calls ``logging.basicConfig(stream=sys.stdout, level=DEBUG)`` when imported; that would
print into ``--json`` output, so the root logger is restored right after the import.

Speed (issue #11): the load is one ``pickle.load`` of lookup tries with millions of small
containers, during which Python's cyclic garbage collector runs again and again over
everything allocated so far. With the collector paused for the load it takes a fifth of the
time (6 s instead of 31 s on a busy 2-core machine), and ``gc.freeze()`` afterwards keeps
later collections from walking those millions of objects (they live as long as the process).
"""

from __future__ import annotations

import gc
import logging
import threading
from pathlib import Path
from typing import Any

from coding.pseudonymise.model import Mention, PiiType, Source

_TAGS: dict[str, PiiType] = {
    "persoon": PiiType.PERSON,
    "patient": PiiType.PERSON,
    "locatie": PiiType.LOCATION,
    "instelling": PiiType.ORGANISATION,
    "ziekenhuis": PiiType.ORGANISATION,
    "zorginstelling": PiiType.ORGANISATION,
    "datum": PiiType.DATE,
    "leeftijd": PiiType.AGE,
    "telefoonnummer": PiiType.PHONE,
    "emailadres": PiiType.EMAIL,
}

_lock = threading.Lock()
_instance: Any = None


def cache_dir() -> Path:
    """Where deduce keeps its lookup cache: under the user cache dir, never in site-packages."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("duiding")) / "deduce"


def _import_deduce() -> Any:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import deduce

    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    return deduce


def is_loaded() -> bool:
    return _instance is not None


def load(cache: Path | None = None) -> Any:
    """The process-wide ``deduce.Deduce`` instance (loads it on first call; thread-safe)."""
    global _instance
    with _lock:
        if _instance is None:
            deduce = _import_deduce()
            path = cache or cache_dir()
            path.mkdir(parents=True, exist_ok=True)
            enabled = gc.isenabled()
            gc.disable()
            try:
                _instance = deduce.Deduce(cache_path=path)
            finally:
                if enabled:
                    gc.enable()
            gc.freeze()
        return _instance


def detect(text: str, cache: Path | None = None) -> list[Mention]:
    """deduce's annotations on ``text`` as mentions (raw: titles and run-ons are fixed later)."""
    model = load(cache)
    document = model.deidentify(text)
    mentions = []
    for annotation in document.annotations:
        type_ = _TAGS.get(annotation.tag, PiiType.OTHER)
        start, end = annotation.start_char, annotation.end_char
        mentions.append(Mention(start, end, text[start:end], type_, Source.DEDUCE))
    return sorted(mentions)
