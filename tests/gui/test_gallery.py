"""The gallery's script (docs/make_gallery.py): its list of pictures reaches every lab, and every
picture on it can be drawn through the app's own export code (the slow ones — a network trained
for 3,000 steps — are left to the script itself)."""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from viz.labs import LAB_NAMES

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "make_gallery.py"


def _load_gallery():
    spec = importlib.util.spec_from_file_location("make_gallery", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


gallery = _load_gallery()
QUICK = [picture for picture in gallery.PICTURES if not picture.slow]


def test_every_lab_has_a_picture_and_names_are_unique():
    labs = {picture.lab for picture in gallery.PICTURES}
    assert set(LAB_NAMES) <= labs
    names = [picture.name for picture in gallery.PICTURES]
    assert len(names) == len(set(names))
    assert 20 <= len(names) <= 28
    assert {picture.theme for picture in gallery.PICTURES} == {"dark", "light"}
    assert all(picture.lab in gallery.LAB_TITLES for picture in gallery.PICTURES)


def test_the_markdown_captions_every_picture():
    text = gallery.gallery_markdown(gallery.PICTURES)
    for picture in gallery.PICTURES:
        assert f"(gallery/{picture.file})" in text and picture.caption in text
    assert text.count("![") == len(gallery.PICTURES) + 1  # and the contact sheet


@pytest.fixture(scope="module")
def bench(qapp):
    bench = gallery.Bench()
    yield bench
    bench.close()


@pytest.mark.parametrize("picture", QUICK, ids=[picture.name for picture in QUICK])
def test_every_quick_picture_is_drawn(bench, tmp_path, picture):
    path = gallery.produce(picture, bench, tmp_path)
    image = np.asarray(Image.open(path).convert("RGB")).astype(int)
    assert image.shape[0] >= 700 and image.shape[1] >= 1200
    assert (image.mean() < 128) == (picture.theme == "dark")  # the theme asked for
    assert len(np.unique(image.reshape(-1, 3), axis=0)) > 50  # a picture, not a blank
