"""Preset matrices, shipped as JSON in ``assets/presets`` and grouped by topic for the menu."""

import json
from dataclasses import dataclass
from pathlib import Path

from kernels import Matrix, parse_scalar


def assets_dir() -> Path:
    """``assets/`` beside the package in a checkout, or ``viz/assets`` once installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the assets folder of Linear Lens is missing from this installation")


@dataclass(frozen=True)
class Preset:
    group: str
    name: str
    matrix: Matrix


def load_presets(dimension: int = 2) -> list[Preset]:
    """Every preset of the given dimension, in file order (entries parsed exactly)."""
    presets = []
    for path in sorted((assets_dir() / "presets").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("dimension") != dimension:
            continue
        for item in data["presets"]:
            rows = [[parse_scalar(text) for text in row] for row in item["matrix"]]
            presets.append(Preset(item["group"], item["name"], Matrix(rows)))
    return presets
