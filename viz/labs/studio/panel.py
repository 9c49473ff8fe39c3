"""The studio's side panel: the matrix editor above the Facts, Steps and Vectors tabs."""

from PyQt6 import QtWidgets

from ...controls.entry_grid import EntryGrid
from ...controls.info_panel import InfoPanel
from ...controls.steps_panel import StepsPanel
from ...controls.vector_panel import VectorPanel


class StudioPanel(QtWidgets.QWidget):
    """Matrix M (its columns are where the basis vectors land), then what explains it."""

    def __init__(self, model, undo_stack, parent=None):
        super().__init__(parent)
        n = model.dimension
        self.matrix_editor = EntryGrid(n, n)
        self.matrix_title = QtWidgets.QLabel()
        self.info_panel = InfoPanel(model)
        self.steps_panel = StepsPanel(model)
        self.vector_panel = VectorPanel(model, undo_stack)
        self.side_tabs = QtWidgets.QTabWidget()
        self.side_tabs.addTab(self.info_panel, "Facts")
        self.side_tabs.addTab(self.steps_panel, "Steps")
        self.side_tabs.addTab(self.vector_panel, "Vectors")
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.matrix_title)
        layout.addWidget(self.matrix_editor)
        layout.addWidget(self.side_tabs, stretch=1)
        self.show_dimension(n)

    def show_dimension(self, n: int) -> None:
        """Resize the matrix editor and say which basis vectors its columns move."""
        self.matrix_editor.set_shape(n, n)
        hats = "î and ĵ" if n == 2 else "î, ĵ and k̂"
        self.matrix_title.setText(f"<b>Matrix M</b> — columns are where {hats} land; "
                                  "v and other vectors are in the Vectors tab")
