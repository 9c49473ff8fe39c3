"""The wheel, built from this checkout and installed into a fresh virtual environment, is a
complete Linear Lens: every module and asset is in it, and the installed command works.

This is the check that packaging cannot forget a package: a Python file under ``kernels/`` or
``viz/``, or a file under ``assets/``, that the wheel leaves out fails here rather than on a
user's machine. The venv borrows PyQt6, numpy and the rest from the environment running the
tests (``--system-site-packages``), so nothing is installed into it but the wheel; building the
wheel fetches the build backend that pyproject.toml asks for, as ``pip install`` would. The
checkout's editable install is visible through those system packages too: the wheel is installed
with ``--ignore-installed`` and every command runs outside the checkout, and the first test
proves that the venv's copy is the one imported. One build and one install serve all the tests.
"""

import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# left out of the copy that is built: VCS data, earlier build output (a stale build/lib would
# hide a forgotten package), caches
NOT_SOURCES = {".git", "build", "dist", "out", ".venv", ".hypothesis", ".benchmarks"}


def _ignore(folder, names):
    at_top = Path(folder) == REPO
    return {name for name in names
            if name == "__pycache__" or name.endswith((".pyc", ".egg-info"))
            or (at_top and (name in NOT_SOURCES or name.endswith("_cache")))}


def _run(command, *, cwd, env=None, timeout=300):
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, (f"{' '.join(map(str, command))} failed "
                                    f"(status {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def _sources(folder: Path):
    """Every file under ``folder``, relative to it, without caches and hidden files."""
    return sorted(path.relative_to(folder) for path in folder.rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts
                  and not any(part.startswith(".") for part in path.relative_to(folder).parts))


class Installed:
    def __init__(self, root: Path, python: Path, site_packages: Path, version: str, env: dict):
        self.root, self.python, self.site_packages = root, python, site_packages
        self.version, self.env = version, env
        self.bin = python.parent

    def run(self, *command, **options):
        return _run(command, cwd=self.root, env=options.pop("env", self.env), **options)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    root = tmp_path_factory.mktemp("wheel")
    # the checkout's own folder would come first on sys.path, and PYTHONPATH could point there
    env = {name: value for name, value in os.environ.items()
           if name not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}

    source = root / "source"
    shutil.copytree(REPO, source, ignore=_ignore)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", root / "dist", source],
         cwd=root, env=env)
    (wheel,) = (root / "dist").glob("linear_lens-*.whl")
    version = wheel.name.split("-")[1]

    # no pip of its own (ensurepip is slow, and missing on some Linux distributions): the pip
    # of this environment, seen through the system site-packages, installs into the venv
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(root / "venv")
    python = root / "venv" / "bin" / "python"
    site_packages = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              cwd=root, env=env).stdout.strip())
    if sys.prefix != sys.base_prefix:
        # the tests run in a venv themselves: its packages are not the new venv's "system" ones
        (site_packages / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    _run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall",
          "--ignore-installed", "--disable-pip-version-check", wheel], cwd=root, env=env)
    return Installed(root, python, site_packages, version, env)


def test_the_venv_imports_its_own_copy_not_the_checkout(installed):
    result = installed.run(installed.python, "-c",
                           "import viz, kernels; print(viz.__file__); print(kernels.__file__)")
    for module_file in map(Path, result.stdout.split()):
        assert module_file.is_relative_to(installed.site_packages), module_file
        assert not module_file.is_relative_to(REPO), module_file


def test_every_package_and_module_is_in_the_wheel(installed):
    packages = [folder.relative_to(REPO) for top in ("kernels", "viz")
                for folder in [REPO / top, *(REPO / top).rglob("*")]
                if (folder / "__init__.py").is_file() and "__pycache__" not in folder.parts]
    assert {"kernels", "viz", "viz/items", "viz/views", "viz/controls"} <= set(map(str, packages))
    missing = [str(package) for package in packages
               if not (installed.site_packages / package / "__init__.py").is_file()]
    assert not missing, f"packages left out of the wheel: {missing}"
    # modules too, including any in a folder without __init__.py (a namespace package)
    missing = [f"{top}/{module}" for top in ("kernels", "viz") for module in _sources(REPO / top)
               if module.suffix == ".py" and not (installed.site_packages / top / module).is_file()]
    assert not missing, f"modules left out of the wheel: {missing}"


def test_every_asset_is_in_the_wheel(installed):
    assets = installed.site_packages / "viz" / "assets"
    presets = sorted(path.name for path in (assets / "presets").glob("*.json"))
    assert presets and presets == sorted(path.name for path in (REPO / "assets" / "presets").glob("*.json"))
    missing = [str(path) for path in _sources(REPO / "assets") if not (assets / path).is_file()]
    assert not missing, f"files under assets/ left out of the wheel (add a package-data glob): {missing}"


def test_version(installed):
    result = installed.run(installed.bin / "linear-lens", "--version")
    assert result.stdout.strip() == f"linear-lens {installed.version}"


def test_headless_export(installed):
    out = installed.root / "shear.png"
    installed.run(installed.bin / "linear-lens", "export", "--matrix", "1 1; 0 1", "--out", out,
                  env={**installed.env, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert out.read_bytes().startswith(PNG_SIGNATURE)
