"""The first-launch welcome: a card floating over the top of the canvas, not a dialog.

It offers three ways in: the first lesson, a famous matrix (the first preset of the shears,
rotations and projections), or just exploring. Any of them closes it, and once closed it does
not come back by itself (:func:`viz.preferences.set_welcome_dismissed`); Help → Welcome shows
it again. It never takes the keyboard focus (the cells keep it) and covers only a strip at the
top of the canvas, away from the origin where the arrows are.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt6 import QtCore, QtWidgets

from ..presets import Preset, load_presets

FAMOUS_GROUPS = (("Shear", "Shears"), ("Rotation", "Rotations"), ("Projection", "Projections"))
MARGIN = 14
WIDTH = 470


def famous_matrices() -> list[tuple[str, Preset]]:
    """A button label and the preset behind it: the first 2D preset of each famous group."""
    presets = load_presets(2)
    found = []
    for label, group in FAMOUS_GROUPS:
        preset = next((p for p in presets if p.group == group), None)
        if preset is not None:
            found.append((label, preset))
    return found


class WelcomeCard(QtWidgets.QFrame):
    """The card, a child of ``host`` (the canvas area), kept at its top centre.

    Signals:
        dismissed(): the card was closed by one of its choices or its ×.
    """

    dismissed = QtCore.pyqtSignal()

    def __init__(self, host: QtWidgets.QWidget, below: QtWidgets.QWidget, start_lesson: Callable[[], None],
                 try_matrix: Callable[[Preset], None]):
        """``below``: the widget at the top of ``host`` (the lab tabs) that the card keeps clear of."""
        super().__init__(host)
        self._below = below
        self.setObjectName("welcome")
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#welcome { background: rgba(28, 34, 44, 235); border: 1px solid #56B4E9; border-radius: 10px; }"
            "#welcome QLabel { color: #E8ECF1; background: transparent; }"
            "#welcome QPushButton { color: #E8ECF1; background: #2A3442; border: 1px solid #4A5566;"
            " border-radius: 5px; padding: 5px 10px; }"
            "#welcome QPushButton:hover { background: #35506B; }"
            "#welcome QPushButton#primary { background: #0072B2; border-color: #56B4E9; }")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 12, 14)
        top = QtWidgets.QHBoxLayout()
        title = QtWidgets.QLabel("<b style='font-size: 13pt'>Welcome to Linear Lens</b>")
        top.addWidget(title, stretch=1)
        close = self._button("×", self.dismiss, "Close (Help → Welcome brings this back)")
        close.setFixedWidth(30)
        top.addWidget(close)
        layout.addLayout(top)
        text = QtWidgets.QLabel("Every matrix moves the plane: its columns are where î and ĵ land. "
                                "How would you like to start?")
        text.setWordWrap(True)
        layout.addWidget(text)
        first = QtWidgets.QHBoxLayout()
        self.lesson_button = self._button("Start the first lesson", lambda: self._choose(start_lesson),
                                          "Vectors and the dot product, step by step")
        self.lesson_button.setObjectName("primary")
        first.addWidget(self.lesson_button)
        self.explore_button = self._button("Explore freely", self.dismiss,
                                           "Type into the cells or drag the tips of î and ĵ")
        first.addWidget(self.explore_button)
        layout.addLayout(first)
        famous = QtWidgets.QHBoxLayout()
        famous.addWidget(QtWidgets.QLabel("Try a famous matrix:"))
        self.matrix_buttons = {}
        for label, preset in famous_matrices():
            button = self._button(label, lambda _=False, p=preset: self._choose(lambda: try_matrix(p)),
                                  preset.name)
            famous.addWidget(button)
            self.matrix_buttons[label] = button
        layout.addLayout(famous)
        host.installEventFilter(self)
        self.setFixedWidth(WIDTH)
        self.adjustSize()
        self._place()

    def _button(self, text: str, slot, tip: str) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)  # never take the keyboard from the cells
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _choose(self, action: Callable[[], None]) -> None:
        self.dismiss()
        action()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def popup(self) -> None:
        """Show the card again (Help → Welcome)."""
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        host = self.parentWidget()
        self.move(max((host.width() - self.width()) // 2, MARGIN), self._below.geometry().bottom() + MARGIN)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == QtCore.QEvent.Type.Resize:
            self._place()
        return False
