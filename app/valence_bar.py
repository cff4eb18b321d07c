"""Valence on the coding toolbar, as two visibly separate things:

- `DefaultValence`: the valence a NEW coding gets ("New codings: neutral"). It used to be the
  only valence control, unlabelled, so students took it for the selected fragment's valence and
  a negative passage silently got "positive".
- `FragmentValence`: the selected fragment — which codes it has, its memo, and its valence as
  three buttons (+ positive, ! point of attention, 0 neutral). One click changes it, and so do
  the keys + − 0 in the transcript; a fragment whose codes differ shows none pressed.

Both are plain widgets over values; the coding controller changes the project.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from app.labels import valence_label
from coding.types import SegmentInfo, Valence

ORDER = (Valence.POSITIEF, Valence.AANDACHTSPUNT, Valence.NEUTRAAL)
KEYS = {Valence.POSITIEF: "+", Valence.AANDACHTSPUNT: "−", Valence.NEUTRAAL: "0"}
COLOURS = {Valence.POSITIEF: "#2E9E5B", Valence.AANDACHTSPUNT: "#E08A1E",
           Valence.NEUTRAAL: "#7A838C"}


class DefaultValence(QWidget):
    """"New codings: [neutral ▾]" — what the next coding gets."""

    changed = Signal(object)  # Valence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("defaultValence")
        self.label = QLabel(self.tr("New codings:"))
        self.combo = QComboBox()
        self.combo.setObjectName("valenceCombo")
        for v in (Valence.NEUTRAAL, Valence.POSITIEF, Valence.AANDACHTSPUNT):
            self.combo.addItem(valence_label(v), v)
        tip = self.tr("The valence a new coding gets. To change the valence of a fragment that "
                      "is already coded, select it and use the buttons on the right, or press "
                      "+ − 0.")
        for w in (self, self.label, self.combo):
            w.setToolTip(tip)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit(self.value()))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.combo)

    def value(self) -> Valence:
        data = self.combo.currentData()  # Qt hands a str-enum back as a plain str
        return Valence(data) if isinstance(data, str) else Valence.NEUTRAAL

    def set_value(self, valence: Valence) -> None:
        self.combo.setCurrentIndex(self.combo.findData(valence))


class FragmentValence(QWidget):
    """The selected fragment's codes and valence; `valence_chosen(Valence)` on a click."""

    valence_chosen = Signal(object)  # Valence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fragmentValence")
        self.title = QLabel()
        self.title.setObjectName("fragmentTitle")
        self.title.setMinimumWidth(120)
        self.title.setMaximumWidth(360)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # "mixed" shows no button pressed
        self.buttons: dict[Valence, QToolButton] = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        for v in ORDER:
            button = QToolButton()
            button.setObjectName(f"fragmentValence_{v.value}")
            button.setCheckable(True)
            button.setText(f"{KEYS[v]} {valence_label(v)}")
            button.setToolTip(self.tr("Make the selected fragment “{valence}” (key {key})")
                              .format(valence=valence_label(v), key=KEYS[v]))
            button.setStyleSheet(
                f"QToolButton:checked {{ background: {COLOURS[v]}; color: white; "
                f"border-radius: 3px; }}")
            button.clicked.connect(lambda _checked=False, v=v: self._clicked(v))
            self.group.addButton(button)
            self.buttons[v] = button
            lay.addWidget(button)
        self.segment: SegmentInfo | None = None
        self.show_segment(None)

    def _clicked(self, valence: Valence) -> None:
        self._sync()  # the project decides what is pressed, via show_segment after the change
        self.valence_chosen.emit(valence)

    def show_segment(self, segment: SegmentInfo | None) -> None:
        self.segment = segment
        if segment is None:
            self.title.setText(self.tr("No fragment selected"))
            self.title.setToolTip(self.tr("Click a coded passage or its stripe to select it; "
                                          "its valence is shown and changed here."))
        else:
            codes = ", ".join(c.path.rsplit("/", 1)[-1] for c in segment.codings)
            memo = "  ✎" if segment.memo else ""
            self.title.setText(self.tr("Fragment: {codes}").format(codes=codes) + memo)
            tip = ", ".join(c.path for c in segment.codings)
            if segment.memo:
                tip += "\n" + self.tr("Memo: {memo}").format(memo=segment.memo)
            self.title.setToolTip(tip)
        for button in self.buttons.values():
            button.setEnabled(segment is not None)
        self._sync()

    def current(self) -> Valence | None:
        """The fragment's valence, or None when there is none or its codes differ."""
        if self.segment is None:
            return None
        values = {c.valence for c in self.segment.codings}
        return values.pop() if len(values) == 1 else None

    def _sync(self) -> None:
        current = self.current()
        for v, button in self.buttons.items():
            button.setChecked(v == current)
