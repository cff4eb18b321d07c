"""The fragments list reads its rows lazily; when a team project's server is away at that moment
the row stays empty (no exception escapes into Qt's event loop) and is read once it is back."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from app.retrieval import SegmentTableModel
from coding.types import SegmentId, SegmentInfo
from models.errors import ConnectionLostError


def test_a_lost_connection_leaves_the_row_empty_until_it_is_back(qapp) -> None:  # type: ignore[no-untyped-def]
    online = [False]
    asked: list[list[SegmentId]] = []

    def fetch(ids: Sequence[SegmentId]) -> list[SegmentInfo]:
        asked.append(list(ids))
        if not online[0]:
            raise ConnectionLostError("the connection to 127.0.0.1:5432 was lost")
        return []

    model = SegmentTableModel()
    model.set_ids([SegmentId(1), SegmentId(2)], [], fetch)
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) is None  # no exception
    online[0] = True
    model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert asked == [[1, 2], [1, 2]]  # asked again once the server answers
