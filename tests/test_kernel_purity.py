"""The kernel is pure Python: importing it must not pull in numpy or any Qt binding."""

import subprocess
import sys

FORBIDDEN = ("numpy", "PyQt6", "PyQt5", "PySide6", "pyqtgraph", "scipy", "sympy")


def test_importing_kernels_loads_no_third_party_module():
    code = ("import sys, kernels, kernels.elimination, kernels.eigen, kernels.expressions; "
            f"print([m for m in {FORBIDDEN!r} if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
