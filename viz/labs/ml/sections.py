"""The ML lab's session section, read without Qt: each view's settings codec by name, built
from the views' Qt-free settings modules, and :func:`read_section` — :func:`.state.state_from_section`
with those codecs. The lesson loader and the command line read a section through it; the lab
itself uses its view classes, whose hooks call the same settings functions (a test checks that
both agree view by view).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import descent_settings, layer_settings, pca_settings, svd_settings
from .state import MLState, SettingsCodec, state_from_section


@dataclass(frozen=True)
class _Codec:
    """A view's settings hooks as plain functions (see :class:`.state.SettingsCodec`)."""

    default: Callable[[int], object]
    section: Callable[[object], dict]
    read: Callable[[object], object]
    problem: Callable[[object, int], str | None] = lambda settings, dimension: None

    def default_settings(self, dimension: int) -> object:
        return self.default(dimension)

    def settings_section(self, settings) -> dict:
        return self.section(settings)

    def settings_from_section(self, raw) -> object:
        return self.read(raw)

    def settings_problem(self, settings, dimension: int) -> str | None:
        return self.problem(settings, dimension)


# the views in the order of the lab's mode bar, each with its settings codec
VIEW_CODECS: dict[str, SettingsCodec] = {
    "svd": _Codec(lambda dimension: svd_settings.SVDSettings(), svd_settings.settings_section,
                  svd_settings.settings_from_section),
    "pca": _Codec(pca_settings.PcaSettings.default, pca_settings.section_of,
                  pca_settings.settings_from_section,
                  lambda settings, dimension: settings.problem(dimension)),
    "layer": _Codec(lambda dimension: layer_settings.LayerSettings(), layer_settings.section_of,
                    layer_settings.settings_from_section),
    "descent": _Codec(descent_settings.default_settings, descent_settings.settings_section,
                      descent_settings.settings_from_section,
                      lambda settings, dimension: settings.problem(dimension)),
}


def read_section(raw) -> tuple[MLState, str]:
    """The state and the view an ``ml`` session section describes, checked whole by the lab's
    own rules (:func:`.state.state_from_section`), or one SessionError."""
    return state_from_section(raw, VIEW_CODECS)
