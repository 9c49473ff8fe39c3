"""The ``linear-lens`` command: start the app, or work headless.

    linear-lens                                   start the desktop app
    linear-lens export --matrix "1 1; 0 1" --out shear.png [--size 1600x1000]
                       [--theme dark|light] [--palette okabe-ito|classic] [--t 0.5] [--vector "1 2"]
    linear-lens info --matrix "2 1; 1 2" [--format text|json|latex] [--steps]
    linear-lens info --define A="1 2; 3 4" --expr "A^{-1}"

Bad input ends with exit status 2 and one line saying what is wrong — never a traceback.
The GUI and the headless export share one code path (:func:`viz.export.export_picture`).
"""

import argparse
import json
import os
import sys

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message):
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1000, not '{text}'") from None
    if not (16 <= width <= 10000 and 16 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"size {width}x{height} is out of range (16 to 10000 a side)")
    return width, height


def _progress(text: str) -> float:
    try:
        t = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"t must be a number from 0 to 1, not '{text}'") from None
    if not 0.0 <= t <= 1.0:
        raise argparse.ArgumentTypeError(f"t must be between 0 and 1, not {t}")
    return t


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="linear-lens", description="See what a matrix does to the plane.")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    export = commands.add_parser("export", help="write a picture of a matrix (PNG or SVG)")
    export.add_argument("--matrix", required=True, help='rows separated by ";", e.g. "1 1; 0 1"')
    export.add_argument("--out", required=True, help="file name ending in .png or .svg")
    export.add_argument("--size", type=_size, default=(1600, 1000), help="WIDTHxHEIGHT in pixels")
    export.add_argument("--theme", choices=("dark", "light"), default="dark")
    export.add_argument("--palette", choices=("okabe-ito", "classic"), default="okabe-ito")
    export.add_argument("--t", type=_progress, default=1.0,
                        help="moment of the animation from the identity (0 to 1; default 1)")
    export.add_argument("--vector", help='the vector v, e.g. "1 2" (default 1 2)')
    export.add_argument("--no-caption", action="store_true",
                        help="leave out the matrix and its description in the corner")
    info = commands.add_parser("info", help="print what the matrix does, with exact numbers")
    source = info.add_mutually_exclusive_group(required=True)
    source.add_argument("--matrix", help='rows separated by ";", e.g. "2 1; 1 2"')
    source.add_argument("--expr", help='a matrix expression, e.g. "A^{-1} B" (with --define)')
    info.add_argument("--define", action="append", default=[], metavar="NAME=ROWS",
                      help='name a matrix for --expr, e.g. --define A="1 2; 3 4" (repeatable)')
    info.add_argument("--format", choices=("text", "json", "latex"), default="text")
    info.add_argument("--steps", action="store_true",
                      help="also show the working: cofactor expansion, row reduction, inverse")
    return parser


def _read_matrix(text: str, sizes=(2,)):
    from kernels import parse_matrix

    matrix = parse_matrix(text)
    if matrix.shape[0] != matrix.shape[1] or matrix.shape[0] not in sizes:
        wanted = " or ".join(f"{n}×{n}" for n in sizes)
        raise ValueError(f"the matrix must be {wanted}, but '{text}' is "
                         f"{matrix.shape[0]}×{matrix.shape[1]}")
    return matrix


def _evaluate(expression: str, definitions: list[str]):
    """The value of ``--expr`` with the ``--define NAME=ROWS`` matrices (a matrix or a scalar)."""
    from kernels import evaluate, parse_matrix

    names = {}
    for definition in definitions:
        name, equals, rows = definition.partition("=")
        name = name.strip()
        if not equals or len(name) != 1 or not name.isupper():
            raise ValueError(f"--define takes NAME=ROWS with a capital letter, e.g. "
                             f'A="1 2; 3 4", not \'{definition}\'')
        names[name] = parse_matrix(rows)
    return evaluate(expression, names)


def _info(args) -> int:
    from kernels import Matrix, format_scalar

    from . import report, steps
    from .facts import analyse

    if args.matrix is not None:
        matrix = _read_matrix(args.matrix, sizes=(2, 3))
    else:
        matrix = _evaluate(args.expr, args.define)
        if not isinstance(matrix, Matrix):
            print(format_scalar(matrix))
            return 0
        if matrix.shape not in ((2, 2), (3, 3)):
            print(matrix)
            print(f"(a {matrix.shape[0]}×{matrix.shape[1]} matrix: the facts need a 2×2 or 3×3)")
            return 0
    facts = analyse(matrix)
    working = steps.working(matrix) if args.steps else None
    if args.format == "json":
        data = report.as_dict(facts)
        if working is not None:
            data["steps"] = steps.as_dict(working)
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.format == "latex":
        print(report.as_latex(facts))
        if working is not None:
            print(steps.as_latex(working))
    else:
        print(report.as_text(facts))
        if working is not None:
            print("\n" + steps.as_text(working))
    return 0


def _export(args) -> int:
    from kernels import Vector, parse_matrix

    matrix = _read_matrix(args.matrix)
    vector = None
    if args.vector is not None:
        entries = parse_matrix(args.vector).rows
        flat = [x for row in entries for x in row]
        if len(flat) != 2:
            raise ValueError(f"the vector must have 2 components, not {len(flat)}")
        vector = Vector(flat)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    from PyQt6 import QtWidgets

    from .export import export_picture, picture_format
    from .model import SceneModel

    picture_format(args.out)  # refuse a bad file name before any drawing
    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["linear-lens"])
    model = SceneModel(matrix, vector)
    model.set_appearance(theme=args.theme, palette=args.palette)
    path = export_picture(model, args.out, size=args.size, t=args.t, caption=not args.no_caption)
    print(f"wrote {path} ({args.size[0]}×{args.size[1]})")
    return 0


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from .app import main as start_app

        return start_app(sys.argv[:1])
    try:
        return {"export": _export, "info": _info}[args.command](args)
    except (ValueError, OSError) as error:  # ExpressionError, ShapeError, ExportError are ValueErrors
        print(f"linear-lens {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
