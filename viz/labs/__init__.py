"""Labs: the rooms of the window. Each is a package here, behind the small :class:`Lab` contract.

The window knows labs only through this registry and the contract (:mod:`viz.labs.contract`);
a lab's module is imported the first time the learner opens it, so start-up pays only for the
lab on screen. Labs never import each other (import-linter checks it in CI).

This module is Qt-free: sessions read the lab names from it without starting a GUI.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class LabEntry:
    """A lab the window offers: its key (also the name of its session section), its title in
    the lab switcher, and the module whose ``LAB`` attribute is its :class:`Lab` class."""
    name: str
    title: str
    module: str
    tooltip: str


LABS: tuple[LabEntry, ...] = (
    LabEntry("studio", "Studio", "viz.labs.studio",
             "Type or drag a 2×2 or 3×3 matrix and watch the plane or space move"),
    LabEntry("compose", "Compose && Eliminate", "viz.labs.compose.lab",
             "AB against BA, sequences one step at a time, row operations as motion, "
             "multiplication as columns"),
    LabEntry("ml", "ML", "viz.labs.ml.lab",
             "One matrix through machine learning: SVD as circle to ellipse, gradient descent "
             "and eigenvalues"),
)
LAB_NAMES = tuple(entry.name for entry in LABS)


def lab_entry(name: str) -> LabEntry:
    """The registry entry of the lab called ``name`` (KeyError naming the known labs)."""
    for entry in LABS:
        if entry.name == name:
            return entry
    raise KeyError(f"there is no lab called {name!r} (labs: {', '.join(LAB_NAMES)})")


def load_lab(name: str) -> type:
    """Import the lab called ``name`` (only now) and return its :class:`Lab` class."""
    return importlib.import_module(lab_entry(name).module).LAB
