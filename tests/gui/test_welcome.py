"""The first-launch welcome card: on the canvas (not a dialog), never taking the focus, gone for
good once dismissed, back on Help → Welcome; its three ways in work."""

from PyQt6 import QtWidgets

from viz.app import MainWindow
from viz.preferences import welcome_dismissed

from .conftest import wait_settled


def test_the_card_shows_on_first_launch_over_the_canvas_without_taking_the_focus(qtbot, window):
    card = window.welcome
    assert card.isVisible() and card.parentWidget() is window.centre
    assert QtWidgets.QApplication.activeModalWidget() is None
    focused = QtWidgets.QApplication.focusWidget()
    assert focused is None or not card.isAncestorOf(focused)
    canvas = window.canvases.geometry()
    assert card.geometry().top() >= canvas.top() and card.geometry().bottom() < canvas.center().y()


def test_dismissed_it_does_not_come_back_and_help_welcome_reopens_it(qtbot, window):
    window.welcome.explore_button.click()
    assert not window.welcome.isVisible() and welcome_dismissed(window.settings)
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert not again.welcome.isVisible()
    again.menus.welcome_action.trigger()
    assert again.welcome.isVisible()


def test_a_famous_matrix_and_the_first_lesson(qtbot, window):
    window.welcome.matrix_buttons["Shear"].click()
    wait_settled(qtbot, window)
    assert window.studio.model.matrix.rows == ((1, 1), (0, 1))
    window.welcome.popup()
    window.welcome.lesson_button.click()
    assert window.lessons.isVisible() and window.lessons.position() == ("01-vectors", 1)
    assert not window.welcome.isVisible()
