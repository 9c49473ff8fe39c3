"""The main window: a lab switcher, the open lab's canvas and panel, and the shared menus.

It holds layout and wiring only. The labs (:mod:`viz.labs`) draw and explain; the document
(:mod:`viz.window.documents`) opens, saves and autosaves; the menus (:mod:`viz.window.menus`)
are built apart. A lab's module is imported the first time the learner opens it.
"""

from pathlib import Path

from PyQt6 import QtCore, QtGui, QtWidgets

from ..commands import SetAppearance
from ..labs import LABS, lab_entry, load_lab
from ..labs.contract import Lab, LabContext
from ..preferences import (
    Preferences,
    data_dir,
    load_preferences,
    open_settings,
    save_preferences,
    set_welcome_dismissed,
    welcome_dismissed,
)
from ..presets import Preset
from . import dialogs
from .documents import APP_NAME, Documents
from .lesson_dock import LessonDock
from .menus import WindowMenus
from .welcome_card import WelcomeCard

MIN_PANEL_WIDTH = 240  # pixels: a lab's side panel scrolls rather than widen the window
MIN_CANVAS_WIDTH = 360
PANEL_SHARE = 0.48  # the most of the window's width the side panel takes on its own


class MainWindow(QtWidgets.QMainWindow):
    """Linear Lens: labs behind a switcher (Ctrl+1…9), one document, one undo stack."""

    def __init__(self, *, data_folder=None, autosave: bool = False,
                 preferences: Preferences | None = None, lab: str = "studio"):
        """``data_folder`` holds the autosave and the user presets (default: the app data folder);
        ``autosave`` turns the autosave on (``main()`` does; tests and benchmarks leave it off).
        The constructor never asks anything: ``main()`` calls ``documents.offer_autosave_restore``."""
        super().__init__()
        self.resize(1280, 800)
        self.settings = open_settings()
        self.preferences = (preferences or load_preferences(self.settings)).validated()
        self.data_folder = Path(data_folder) if data_folder is not None else data_dir()
        self.undo_stack = QtGui.QUndoStack(self)
        self._labs: dict[str, Lab] = {}
        self.current_lab_name = ""

        self.lab_bar = QtWidgets.QTabBar()
        self.lab_bar.setDocumentMode(True)
        for index, entry in enumerate(LABS):
            self.lab_bar.addTab(entry.title)
            self.lab_bar.setTabToolTip(index, f"{entry.tooltip} (Ctrl+{index + 1})")
        self.canvases = QtWidgets.QStackedWidget()
        self.panels = QtWidgets.QStackedWidget()
        # each lab's panel scrolls inside its own area and the canvases may be squeezed, so the
        # widest lab opened so far never widens the window (nor does the Lessons panel beside it)
        self.panels.setMinimumWidth(MIN_PANEL_WIDTH)
        self.canvases.setMinimumWidth(MIN_CANVAS_WIDTH)
        self._panel_areas: dict[str, QtWidgets.QScrollArea] = {}
        self.centre = centre = QtWidgets.QWidget()
        centre_layout = QtWidgets.QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.lab_bar)
        centre_layout.addWidget(self.canvases, stretch=1)
        self.splitter = splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.panels)
        splitter.addWidget(centre)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 920])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage("Type into a cell and press Enter, or drag the tip of î or ĵ.")

        self.documents = Documents(self, autosave)
        self.documents.title_changed.connect(self._update_title)
        self.lessons = LessonDock(self)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self.lessons)
        self.lessons.hide()
        self.lessons.visibilityChanged.connect(lambda _: QtCore.QTimer.singleShot(0, self._fit_panel))
        self.menus = WindowMenus(self)
        self.lab_bar.currentChanged.connect(lambda index: self.switch_lab(LABS[index].name))
        self.switch_lab(lab)
        self.studio.model.appearance_changed.connect(self.menus.show_look)
        self.studio.model.dimension_changed.connect(lambda _: self.menus.show_animation_state())
        self._update_title()
        self.welcome = WelcomeCard(centre, self.lab_bar, self.start_first_lesson, self.try_matrix)
        self.welcome.dismissed.connect(lambda: set_welcome_dismissed(True, self.settings))
        self.welcome.setVisible(not welcome_dismissed(self.settings))

    # -- ways in ---------------------------------------------------------------------------
    def start_first_lesson(self) -> None:
        """The welcome card's first choice: lesson 1, step 1, in the Lessons panel."""
        if self.lessons.lessons:
            self.lessons.start(self.lessons.lessons[0].name)

    def try_matrix(self, preset: Preset) -> None:
        """The welcome card's famous matrices: the studio, with ``preset`` committed."""
        self.switch_lab("studio")
        self.studio.apply_matrix(preset.matrix, f"Preset: {preset.name}")

    def show_lessons(self) -> None:
        """Help → Lessons: the Lessons panel, on the lesson in progress if there is one."""
        self.lessons.show()
        self.lessons.raise_()

    # -- labs ------------------------------------------------------------------------------
    def lab(self, name: str) -> Lab:
        """The lab called ``name``, imported and built the first time it is asked for."""
        if name not in self._labs:
            context = LabContext(undo_stack=self.undo_stack, preferences=lambda: self.preferences,
                                 data_folder=self.data_folder, status=self.status,
                                 tell=lambda title, text: dialogs.tell_user(self, title, text),
                                 parent=self)
            lab = load_lab(name)(context)
            self._labs[name] = lab
            self.canvases.addWidget(lab.canvas())
            area = QtWidgets.QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
            area.setWidget(lab.panel())
            lab.panel().installEventFilter(self)  # a panel that grows (2D → 3D) gets the room back
            self._panel_areas[name] = area
            self.panels.addWidget(area)
        return self._labs[name]

    def _fit_panel(self, lab: Lab | None = None) -> None:
        """Give the side panel the open lab's panel width when the canvas keeps most of the
        room (at least 52%); in a narrow window — or beside the Lessons panel — it scrolls."""
        lab = lab or self.current_lab()
        sizes = self.splitter.sizes()
        total = sum(sizes) or self.width()
        wanted = lab.panel().minimumSizeHint().width() + self.style().pixelMetric(
            QtWidgets.QStyle.PixelMetric.PM_ScrollBarExtent)
        panel = max(min(wanted, round(PANEL_SHARE * total)), MIN_PANEL_WIDTH)
        if sizes and sizes[0] != panel:
            self.splitter.setSizes([panel, total - panel])

    def open_labs(self) -> list[Lab]:
        """The labs built so far (a session holds their parts)."""
        return list(self._labs.values())

    def current_lab(self) -> Lab:
        return self._labs[self.current_lab_name]

    @property
    def studio(self):
        """The studio lab (the first lab, always built)."""
        return self.lab("studio")

    def switch_lab(self, name: str) -> None:
        """Show the lab called ``name``: its canvas, its panel and its menus."""
        lab_entry(name)  # a KeyError for a lab that does not exist, before anything changes
        if name == self.current_lab_name:
            return
        if self.current_lab_name:
            self.current_lab().activated(False)
        lab = self.lab(name)
        self.current_lab_name = name
        self.canvases.setCurrentWidget(lab.canvas())
        self.panels.setCurrentWidget(self._panel_areas[name])
        self._fit_panel(lab)
        blocked = self.lab_bar.blockSignals(True)
        self.lab_bar.setCurrentIndex([entry.name for entry in LABS].index(name))
        self.lab_bar.blockSignals(blocked)
        self.menus.show_lab(lab)
        lab.activated(True)

    # -- shared state ----------------------------------------------------------------------
    def status(self, message: str, milliseconds: int = 0) -> None:
        """Say ``message`` in the status bar (an empty message clears it)."""
        if message:
            self.statusBar().showMessage(message, milliseconds)
        else:
            self.statusBar().clearMessage()

    def set_look(self, theme: str | None = None, palette: str | None = None) -> None:
        """View → theme or palette: one undoable step for the studio's scene."""
        model = self.studio.model
        if (theme and theme != model.theme) or (palette and palette != model.palette):
            self.undo_stack.push(SetAppearance(model, theme=theme, palette=palette))

    def set_preferences(self, preferences: Preferences) -> None:
        """Store and apply: animation at once; a changed theme/palette also restyles the scene
        open now (one undoable step), as the dialog says."""
        old, self.preferences = self.preferences, preferences.validated()
        save_preferences(self.preferences, self.settings)
        self.studio.apply_animation_preferences()
        theme = self.preferences.theme if self.preferences.theme != old.theme else None
        palette = self.preferences.palette if self.preferences.palette != old.palette else None
        self.set_look(theme, palette)
        if theme or palette:  # the other labs draw in the preferred look
            for lab in self.open_labs():
                lab.look_changed()

    def picture_size(self) -> tuple[int, int]:
        """The preferred picture size, or twice the canvas on screen (as Export Picture offers)."""
        if self.preferences.export_size is not None:
            return self.preferences.export_size
        return self.current_lab().picture_size()

    def _update_title(self) -> None:
        """``Linear Lens`` for a fresh scene; ``name.lens.json* — Linear Lens`` once it has a
        file (the star: changes not saved); ``Untitled* — Linear Lens`` for a changed new scene."""
        star = "*" if self.documents.modified else ""
        path = self.documents.current_path
        if path is not None:
            self.setWindowTitle(f"{path.name}{star} — {APP_NAME}")
        elif star:
            self.setWindowTitle(f"Untitled{star} — {APP_NAME}")
        else:
            self.setWindowTitle(APP_NAME)

    def report_startup_problems(self) -> None:
        """Show what went wrong while starting (a bad user presets file), once, after show()."""
        problems = self.studio.menus_.startup_problems
        if problems:
            dialogs.tell_user(self, APP_NAME, "Some of your presets could not be loaded and were skipped:"
                              "\n\n" + "\n".join(problems[:10]))

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QtCore.QEvent.Type.LayoutRequest and self.current_lab_name
                and watched is self.current_lab().panel()):
            QtCore.QTimer.singleShot(0, self._fit_panel)
        return super().eventFilter(watched, event)

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        self._fit_panel()  # now that the window has its width

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self.documents.close():
            event.ignore()
            return
        for lab in self.open_labs():
            lab.activated(False)
        event.accept()


def main(argv=None) -> int:
    """Start the desktop app, with a :mod:`crash report <viz.window.crash_report>` for any
    exception in a slot while it runs."""
    from .crash_report import LOG_NAME, install
    from .icon import ICON_NAME, app_icon

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())  # the window's and the taskbar's
    app.setDesktopFileName(ICON_NAME)  # assets/linear-lens.desktop, once installed: its name and icon
    with install(data_dir() / LOG_NAME) as crash_report:  # before the window: slots run while it is built
        window = MainWindow(autosave=True)
        crash_report.window = window
        window.show()
        QtCore.QTimer.singleShot(0, window.documents.offer_autosave_restore)
        QtCore.QTimer.singleShot(0, window.report_startup_problems)
        return app.exec()
