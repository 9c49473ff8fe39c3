"""What every view of the ML lab is: a :class:`~viz.labs.contract.Mode` that also keeps its own
settings in the lab's state (``state.settings[name]``) through three class-level hooks, so the
lab can save, load and reset them without knowing what they mean (:mod:`.state`)."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Mapping
from typing import Any

from ..contract import Mode, ModeHost


class MLHost(ModeHost):
    """What the ML lab lends its views, beyond any lab's: the mode classes by name (to make a
    fresh state with every view's settings) and the mode switch."""
    codecs: Mapping[str, Any]

    def switch_mode(self, name: str) -> None:
        """Show the view called ``name``."""


class MLMode(Mode):
    """One view of the ML lab (SVD, gradient descent, …). ``host`` is the lab."""

    host: MLHost

    # -- the settings hooks (class-level: the lab uses them before any view is built) ----------
    @classmethod
    @abstractmethod
    def default_settings(cls, dimension: int) -> object:
        """The settings a fresh 2×2 (2) or 3×3 (3) matrix starts with."""

    @classmethod
    @abstractmethod
    def settings_section(cls, settings) -> dict:
        """``settings`` as a JSON-ready object for the session file."""

    @classmethod
    @abstractmethod
    def settings_from_section(cls, raw) -> object:
        """The settings a session object describes, checked whole (SessionError otherwise)."""

    @classmethod
    def settings_problem(cls, settings, dimension: int) -> str | None:
        """Why ``settings`` cannot go with a ``dimension``×``dimension`` matrix, or None."""
        return None

    # -- what the view reads and changes ------------------------------------------------------
    @property
    def settings(self):
        """This view's committed settings."""
        return self.host.model.state.settings[self.name]

    def push_settings(self, settings, text: str, drag_id: int | None = None) -> None:
        """Commit new settings for this view as one undoable step."""
        self.host.push(self.host.model.state.with_settings(self.name, settings), text, drag_id)

    def plane_box(self) -> Any:
        """The view box of the plane a lesson's ring is drawn on (:mod:`.targets`), or None
        when this view has nothing to point at."""
        return None

    def presets(self) -> list[tuple[str, Callable[[], None]]]:
        """(menu text, action) pairs the lab lists under this view in its Presets menu."""
        return []
