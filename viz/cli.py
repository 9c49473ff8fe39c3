"""The ``linear-lens`` command: start the app, or work headless.

    linear-lens                                   start the desktop app
    linear-lens export --matrix "1 1; 0 1" --out shear.png [--size 1600x1000]
                       [--theme dark|light] [--palette okabe-ito|classic] [--t 0.5] [--vector "1 2"]
    linear-lens export --matrix "1 1; 0 1" --animate --out shear.gif [--fps 30] [--duration 3]
                       [--size 1280x720] [--from "1 0; 0 1"] [--no-loop] [--quiet]   (or .mp4)
    linear-lens export --session scene.lens.json --out scene.png     (a saved session)
    linear-lens info --matrix "2 1; 1 2" [--format text|json|latex] [--steps]
    linear-lens info --define A="1 2; 3 4" --expr "A^{-1}"
    linear-lens info --vectors "1 2; 2 4; 0 1" [--target "3 5"] [--format text|json|latex]
    linear-lens info --eliminate "2 1; 4 3" [--format text|json|latex]
    linear-lens export --lab svd|gd --matrix "3 1; 1 2" … --out f.png|svg   (the ML lab's views)
    linear-lens export --lab svd --matrix "3 1; 1 2" --animate --out svd.gif|mp4   (Vᵀ, Σ, U played)
    linear-lens export --lab pca [--csv data.csv --columns x,y | --matrix M --seed N --points N]
                       [--whiten] --out f.png|svg
    linear-lens export --lab layer --matrix "1 -1; 1 1" [--bias "0 -0.5"] [--activation relu]
                       [--dataset circles|moons|xor|spiral] [--seed N --points N] --out f.png|svg
    linear-lens info --matrix "3 1; 1 2" --svd [--format text|json|latex]
    linear-lens pca --csv data.csv [--columns x,y] [--format text|json]
    linear-lens gd --matrix "3 1; 1 2" --start "2 1" --lr 0.1 [--momentum 0.5] [--steps 100]
                   [--b "1 0"] [--format text|json]
    linear-lens lesson --list [--format text|json]
    linear-lens lesson export 05-determinant --out DIR [--theme dark|light]

Bad input ends with exit status 2 and one line saying what is wrong — never a traceback; so
does starting the app where there is no display to show it on. When the reader of the output
goes away early (``linear-lens info … | head -2``), the command stops quietly with exit status
141 (128 + SIGPIPE), what a shell reports for ``cat`` or ``yes`` in the same place: the output
was cut short, and a script with ``set -o pipefail`` can tell.

The GUI and the headless export share one code path (:func:`viz.export.export_picture`,
:func:`viz.animation_export.export_animation`). While an animation is written, a progress bar
is drawn on stderr when stderr is a terminal (never into a log or a pipe); ``--quiet`` prints
nothing at all on success.
"""

import argparse
import json
import os
import sys

from .picture import size_problem

EXIT_BAD_INPUT = 2
EXIT_OUTPUT_CLOSED = 141  # 128 + SIGPIPE: what a shell reports for a command whose reader left
NO_ENTRIES = "a matrix needs at least one entry"  # the parser's reason for text with no numbers


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message):
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1000, not '{text}'") from None
    problem = size_problem(width, height)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return width, height


def _number_in(kind, low, high, what: str, unit: str = ""):
    """An argparse type: a ``kind`` (int or float) from ``low`` to ``high``, or a one-line error."""
    def parse(text: str):
        span = f"from {low:g} to {high:g}{unit}"
        try:
            value = kind(text)
        except ValueError:
            number = "a whole number" if kind is int else "a number"
            raise argparse.ArgumentTypeError(f"{what} must be {number} {span}, not '{text}'") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be {span}, not {value:g}")
        return value
    return parse


_progress = _number_in(float, 0.0, 1.0, "t")
_fps = _number_in(int, 1, 60, "fps")
_duration = _number_in(float, 0.1, 30.0, "duration", " seconds")
_orbit = _number_in(float, -360.0, 360.0, "orbit", " degrees")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="linear-lens", description="See what a matrix does to the plane.")
    from importlib import metadata
    try:
        version = metadata.version("linear-lens")
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        version = "unknown"
    parser.add_argument("--version", action="version", version=f"%(prog)s {version}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    export = commands.add_parser("export", help="write a picture (PNG, SVG) or an animation (GIF, MP4)")
    scene = export.add_mutually_exclusive_group()  # one is needed, except by --lab pca
    scene.add_argument("--matrix", help='rows separated by ";", e.g. "1 1; 0 1"')
    scene.add_argument("--session", metavar="FILE", help="a saved session (.lens.json) to render")
    scene.add_argument("--compose", action="store_true",
                       help="AB beside BA and their difference, for the matrices named by --define A=… "
                            "--define B=… (x from --vector)")
    scene.add_argument("--sequence", metavar="STEPS",
                       help='matrices applied one after another, each on top of the last, e.g. '
                            '"rot(45), [1 1; 0 1], A^{-1}" (A and B from --define)')
    export.add_argument("--out", required=True,
                        help="file name ending in .png or .svg (.gif or .mp4 with --animate)")
    export.add_argument("--size", type=_size, default=None,
                        help="WIDTHxHEIGHT in pixels (default 1600x1000; 1280x720 with --animate)")
    export.add_argument("--theme", choices=("dark", "light"), default=None,
                        help="default dark, or the session's")
    export.add_argument("--palette", choices=("okabe-ito", "classic"), default=None,
                        help="default okabe-ito, or the session's")
    export.add_argument("--t", type=_progress, default=None,
                        help="moment of the animation from the identity (0 to 1; default 1)")
    export.add_argument("--vector", help='the vector v, e.g. "1 2" (default 1 2, or the session\'s)')
    export.add_argument("--no-caption", action="store_true",
                        help="leave out the matrix and its description in the corner")
    export.add_argument("--quiet", action="store_true",
                        help="no progress bar and no 'wrote' line; errors are still printed")
    export.add_argument("--define", action="append", default=[], metavar="NAME=ROWS",
                        help='with --compose or --sequence: name a matrix, e.g. --define A="1 1; 0 1" '
                             "(repeatable)")
    ml = export.add_argument_group("the ML lab's views (with --lab and --matrix)")
    ml.add_argument("--lab", choices=ML_EXPORT_VIEWS, default=None,
                    help="svd: the unit circle and its ellipse, M = UΣVᵀ; pca: the principal axes of "
                         "--csv, or of clusters of covariance AAᵀ (A from --matrix, default 3 1; 1 2); "
                         "layer: x ↦ σ(Wx + b), W from --matrix; gd: gradient descent on "
                         "f(x) = ½xᵀAx, A the symmetric part of --matrix")
    ml.add_argument("--rank-one", action="store_true", help="svd: keep σ₁ only (the best rank-1 matrix)")
    ml.add_argument("--start", dest="gd_start", metavar="VECTOR", help='gd: the first point (default "2 1")')
    ml.add_argument("--lr", metavar="ALPHA", default=None, help="gd: the learning rate α > 0 (default 1/10)")
    ml.add_argument("--momentum", metavar="BETA", default=None, help="gd: momentum, 0 ≤ β < 1 (default 0)")
    ml.add_argument("--steps", dest="gd_steps", type=int, default=None,
                    help="gd: how many steps (default 60)")
    ml.add_argument("--csv", metavar="FILE", help="pca: a CSV file instead of generated clusters")
    ml.add_argument("--columns", metavar="NAMES",
                    help="pca: 2 or 3 columns of --csv by name or number, e.g. x,y (default: the first "
                         "two numeric columns)")
    ml.add_argument("--whiten", action="store_true", help="pca: end with whitening instead of the projection")
    ml.add_argument("--seed", type=int, default=None,
                    help="pca, layer: the seed the points are drawn from (default 1 for pca, 0 for layer)")
    ml.add_argument("--points", type=int, default=None,
                    help="pca: points per cluster (default 500); layer: points in the cloud (default 400)")
    ml.add_argument("--bias", metavar="VECTOR", help='layer: b, e.g. "0 -0.5" (default 0)')
    ml.add_argument("--activation", metavar="NAME",
                    help="layer: σ — none, relu, leaky-relu, tanh or sigmoid (default relu)")
    ml.add_argument("--dataset", metavar="NAME",
                    help="layer: the two classes — circles, moons, xor or spiral (default circles)")
    space = export.add_argument_group("3D (a 3×3 matrix)")
    space.add_argument("--camera", choices=("auto", "iso", "x", "y", "z"), default="auto",
                       help="auto (the default: isometric unless two arrows would look within 15° of "
                            "each other, then the nearest view that keeps them apart), isometric, "
                            "or looking along the x-, y- or z-axis")
    space.add_argument("--azimuth", type=float, default=None, help="camera azimuth in degrees")
    space.add_argument("--elevation", type=float, default=None, help="camera elevation in degrees")
    motion = export.add_argument_group("animation (with --animate)")
    motion.add_argument("--animate", action="store_true",
                        help="write the animation from the identity to the matrix (.gif or .mp4)")
    motion.add_argument("--fps", type=_fps, default=None, help="frames per second, 1 to 60 (default 30)")
    motion.add_argument("--duration", type=_duration, default=None,
                        help="seconds, 0.1 to 30 (default 3)")
    motion.add_argument("--from", dest="start", metavar="MATRIX",
                        help='start from this matrix instead of the identity, e.g. "0 -1; 1 0"')
    motion.add_argument("--loop", action=argparse.BooleanOptionalAction, default=None,
                        help="play the GIF for ever (default) or once")
    motion.add_argument("--orbit", type=_orbit, default=None, metavar="DEGREES",
                        help="3D: turn the camera this far around while the matrix plays (default 0)")
    info = commands.add_parser("info", help="print what the matrix does, with exact numbers",
                               description="What a matrix does, or what some vectors span, "
                                           "with exact numbers.")
    source = info.add_mutually_exclusive_group(required=True)
    source.add_argument("--matrix", help='rows separated by ";", e.g. "2 1; 1 2"')
    source.add_argument("--expr", help='a matrix expression, e.g. "A^{-1} B" (with --define)')
    source.add_argument("--vectors", metavar="ROWS",
                        help='one vector per row, named v1, v2, …, e.g. "1 2; 2 4; 0 1": their span, '
                             'a basis, any dependency, and the dot product of two')
    source.add_argument("--eliminate", metavar="ROWS",
                        help='a 2×2 or 3×3 matrix, e.g. "2 1; 4 3": Gaussian elimination step by step '
                             '(each operation, its elementary matrix, the matrix after it, det so far)')
    info.add_argument("--target", metavar="VECTOR",
                      help='with --vectors: the exact combination that reaches it, e.g. "3 5"')
    info.add_argument("--define", action="append", default=[], metavar="NAME=ROWS",
                      help='name a matrix for --expr, e.g. --define A="1 2; 3 4" (repeatable)')
    info.add_argument("--format", choices=("text", "json", "latex", "markdown"), default="text",
                      help="markdown: the facts as a Markdown table with LaTeX maths (not with --vectors)")
    info.add_argument("--steps", action="store_true",
                      help="also show the working: cofactor expansion, row reduction, inverse")
    info.add_argument("--svd", action="store_true",
                      help="the singular value decomposition instead: σ, U, V, κ, exact where possible")
    _add_ml_commands(commands)
    _add_lesson_command(commands)
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
    from kernels import evaluate

    return evaluate(expression, _defined(definitions))


def _info(args) -> int:
    from kernels import Matrix, format_scalar

    from . import report, steps
    from .scene import accept

    if args.svd:
        return _info_svd(args)
    if args.vectors is not None:
        return _info_vectors(args)
    if args.eliminate is not None:
        return _info_eliminate(args)
    if args.target is not None:
        raise ValueError("--target goes with --vectors (the vectors to combine), "
                         "e.g. --vectors \"1 2; 0 1\" --target \"3 5\"")
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
    facts = accept(matrix)  # the one rule: a matrix the kernel refuses is a one-line error
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
    elif args.format == "markdown":
        print(report.as_markdown(facts))
        if working is not None:
            print("\n```\n" + steps.as_text(working) + "\n```")
    else:
        print(report.as_text(facts))
        if working is not None:
            print("\n" + steps.as_text(working))
    return 0


def _info_eliminate(args) -> int:
    """``info --eliminate``: the elimination as elementary matrices, ending with the check
    E_k⋯E₁·M = rref(M) (:mod:`viz.labs.compose.elimination`)."""
    from .labs.compose import elimination
    from .scene import accept

    for given, flag in ((args.target is not None, "--target"), (args.define, "--define"),
                        (args.steps, "--steps"), (args.format == "markdown", "--format markdown")):
        if given:
            raise ValueError(f"{flag} does not go with --eliminate, which writes every step "
                             "already (use --format text, json or latex)")
    matrix = _read_matrix(args.eliminate, sizes=(2, 3))
    accept(matrix)  # the one rule: a matrix the kernel refuses is a one-line error
    trace = elimination.eliminate(matrix)
    if args.format == "json":
        print(json.dumps(elimination.as_dict(trace), indent=2, ensure_ascii=False))
    elif args.format == "latex":
        print(elimination.as_latex(trace))
    else:
        print(elimination.as_text(trace))
    return 0


def _read_vectors(text: str):
    """``--vectors``: one vector per row, read by the matrix parser; ragged rows name the vector."""
    import re

    from kernels import ExpressionError, parse_matrix

    try:
        rows = parse_matrix(text).rows
    except ExpressionError as error:
        if error.reason == NO_ENTRIES:
            raise ValueError('--vectors needs at least one vector, e.g. "1 2; 3 4"') from None
        ragged = re.fullmatch(r"row (\d+) has (\d+) entr(?:y|ies), row 1 has (\d+)", error.reason)
        if ragged is None:
            raise
        number, count, first = ragged.groups()
        raise ExpressionError(f"vector {number} has {count} component{'s' * (count != '1')}, "
                              f"vector 1 has {first}", error.text, error.position) from None
    return rows


def _info_vectors(args) -> int:
    """``info --vectors``: span, basis, dependency, dot product (two vectors), ``--target``."""
    from kernels import Vector

    from . import vector_facts

    if args.steps:
        raise ValueError("--steps shows the working for a matrix; it does not go with --vectors")
    if args.format == "markdown":
        raise ValueError("--format markdown is for a matrix's facts; use text, json or latex "
                         "with --vectors")
    if args.define:
        raise ValueError("--define names matrices for --expr; it does not go with --vectors")
    vectors = [Vector(row) for row in _read_vectors(args.vectors)]
    target = None if args.target is None else _read_vector(args.target, "--target")
    try:
        facts = vector_facts.vectors_report(vectors, target)
        if args.format == "json":
            text = json.dumps(vector_facts.report_dict(facts), indent=2, ensure_ascii=False)
        elif args.format == "latex":
            text = vector_facts.report_latex(facts)
        else:
            text = vector_facts.report_text(facts)
    except (OverflowError, ZeroDivisionError) as error:  # not a ValueError: say it in one line
        raise ValueError(f"these numbers are too large or too small to work with ({error})") from None
    print(text)
    return 0


def _read_vector(text: str, flag: str, size: int | None = None):
    """The vector given to ``flag`` (``--vector``, ``--target``): its components in one row, or
    several; with ``size``, exactly that many."""
    from kernels import ExpressionError, Vector, parse_matrix

    try:
        rows = parse_matrix(text).rows
    except ExpressionError as error:
        if error.reason == NO_ENTRIES:
            raise ValueError(f'{flag} needs the components of a vector, e.g. "1 2"') from None
        raise
    flat = [x for row in rows for x in row]
    if size is not None and len(flat) != size:
        raise ValueError(f"the vector must have {size} components, not {len(flat)}")
    return Vector(flat)


ANIMATION_ONLY = (("fps", "--fps"), ("duration", "--duration"), ("start", "--from"),
                  ("loop", "--loop/--no-loop"), ("orbit", "--orbit"))


def _export(args) -> int:
    from pathlib import Path

    if args.animate:
        if args.t is not None:
            raise ValueError("--t picks one moment of a still picture; it does not go with --animate")
    else:
        for name, flag in ANIMATION_ONLY:
            if getattr(args, name) is not None:
                raise ValueError(f"{flag} is for animations: add --animate")
    if args.lab is not None:
        return _export_ml_view(args)
    for name, flag in ML_VIEW_ONLY:
        if _given(args, name):
            raise ValueError(f"{flag} is for a view of the ML lab: add --lab {' or '.join(ML_EXPORT_VIEWS)}")
    if args.matrix is None and args.session is None and not args.compose and args.sequence is None:
        raise ValueError("one of the arguments --matrix --session --compose --sequence is required")
    if args.compose or args.sequence is not None:
        return _export_composition(args)
    if args.define:
        raise ValueError("--define names matrices for --compose or --sequence")
    from dataclasses import replace

    from .scene import SceneState

    if args.session is not None:
        from .session import check_fits, load_session

        # the very path File → Open takes: every vector, its colour and show mode come along
        session = load_session(args.session)  # SessionError is a ValueError: one line, status 2
        check_fits(session)
        state = session.state
        rect = session.view_rect if session.dimension == 2 else None
    else:
        matrix = _read_matrix(args.matrix, sizes=(2, 3))
        state, rect = replace(SceneState.fresh(matrix.shape[0]), matrix=matrix), None
    n = state.dimension
    if n == 2 and args.orbit is not None:
        raise ValueError("--orbit turns the 3D camera: it is for 3×3 matrices")
    if n == 2 and (args.azimuth is not None or args.elevation is not None or args.camera != "auto"):
        raise ValueError("--camera, --azimuth and --elevation are for 3×3 matrices (the 3D view)")
    if args.vector is not None:
        state = replace(state, vectors=(("v", _read_vector(args.vector, "--vector", n)),) + state.vectors[1:])
    state = replace(state, theme=args.theme or state.theme, palette=args.palette or state.palette)
    start = None
    if args.animate and args.start is not None:
        import numpy as np

        start = np.array(_read_matrix(args.start, sizes=(n,)).to_floats())
    # an animation in space is painted without OpenGL, like an SVG
    if n == 2 or args.animate or Path(args.out).suffix.lower() == ".svg" or not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    from PyQt6 import QtWidgets

    from .animation_export import animation_format
    from .export import export_picture, picture_format
    from .model import SceneModel

    # refuse a bad file name before any drawing
    if args.animate:
        animation_format(args.out)
    elif Path(args.out).suffix.lower() in (".gif", ".mp4"):
        raise ValueError(f"'{Path(args.out).name}' is an animation: add --animate "
                         "(a still picture is a .png or .svg file)")
    else:
        picture_format(args.out)
    if n == 3:
        from .gl_support import share_gl_contexts

        share_gl_contexts()
    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["linear-lens"])
    scene = SceneModel(state=state).scene
    if args.animate:
        return _export_animation(args, scene, start, rect)
    size = args.size or (1600, 1000)
    t = 1.0 if args.t is None else args.t
    if n == 3:
        path = _export_space(args, scene, size, t)
    else:
        path = export_picture(scene, args.out, size=size, t=t, rect=rect, caption=not args.no_caption)
    if not args.quiet:
        print(f"wrote {path} ({size[0]}×{size[1]})")
    return 0


def _defined(definitions: list[str]) -> dict:
    """The ``--define NAME=ROWS`` matrices by name (one capital letter each)."""
    from kernels import parse_matrix

    names = {}
    for definition in definitions:
        name, equals, rows = definition.partition("=")
        name = name.strip()
        if not equals or len(name) != 1 or not name.isupper():
            raise ValueError(f"--define takes NAME=ROWS with a capital letter, e.g. "
                             f'A="1 2; 3 4", not \'{definition}\'')
        names[name] = parse_matrix(rows)
    return names


def _export_composition(args) -> int:
    """``export --compose`` (AB | BA | AB − BA) or ``export --sequence`` (still or --animate)."""
    from pathlib import Path

    for name, flag in (("start", "--from"), ("orbit", "--orbit"), ("duration", "--duration")):
        if getattr(args, name) is not None:
            raise ValueError(f"{flag} is for one matrix's animation; a composition plays its own steps")
    if args.camera != "auto" or args.azimuth is not None or args.elevation is not None or args.no_caption:
        raise ValueError("--camera, --azimuth, --elevation and --no-caption are for one matrix's picture")
    names = _defined(args.define)
    unknown = sorted(set(names) - {"A", "B"})
    if unknown:
        raise ValueError(f"--compose and --sequence use the names A and B, not {', '.join(unknown)}")
    if args.compose and not {"A", "B"} <= set(names):
        raise ValueError('--compose needs both matrices: --define A="1 1; 0 1" --define B="0 -1; 1 0"')
    if args.compose and args.animate:
        raise ValueError("--compose writes a still picture; to animate steps use --sequence")
    n = next(iter(names.values())).shape[0] if names else None
    for name, matrix in names.items():
        if matrix.shape[0] != matrix.shape[1] or matrix.shape[0] not in (2, 3) or matrix.shape[0] != n:
            raise ValueError(f"--define {name}: A and B must both be 2×2 or both 3×3, not "
                             f"{matrix.shape[0]}×{matrix.shape[1]}")
    from dataclasses import replace

    from .labs.compose.shows import show_for
    from .labs.compose.state import ComposeState
    from .stages import SequenceError, split_steps

    if n is None:  # a sequence of written-out matrices: its first step says the size
        from kernels import evaluate

        first = split_steps(args.sequence)[0][0] if args.sequence.strip() else ""
        try:
            value = evaluate(first, identity_size=2) if first else None
        except ValueError:
            value = None
        n = value.shape[0] if value is not None and getattr(value, "shape", (0,))[0] in (2, 3) else 2
    state = ComposeState.fresh(n)
    state = replace(state, a=names.get("A", state.a), b=names.get("B", state.b),
                    sequence=args.sequence if args.sequence is not None else state.sequence)
    if args.vector is not None:
        state = replace(state, x=_read_vector(args.vector, "--vector", n))
    state = state.checked()
    from .animation_export import animation_format
    from .export import picture_format

    if args.animate:
        animation_format(args.out)
    elif Path(args.out).suffix.lower() in (".gif", ".mp4"):
        raise ValueError(f"'{Path(args.out).name}' is an animation: add --animate")
    else:
        picture_format(args.out)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt6 import QtWidgets

    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["linear-lens"])
    try:
        show = show_for(state, "pair" if args.compose else "sequence", args.theme or "dark",
                        args.palette or "okabe-ito")
    except SequenceError as error:
        raise ValueError(str(error)) from None
    from .labs.compose.show_export import export_show_animation, export_show_picture

    if args.animate:
        size = args.size or (1280, 720)
        bar = ProgressBar(Path(args.out).name) if not args.quiet and sys.stderr.isatty() else None
        try:
            path = export_show_animation(show, args.out, size, fps=args.fps or 30, theme=args.theme,
                                         loop=True if args.loop is None else args.loop, progress=bar)
        finally:
            if bar is not None:
                bar.clear()
    else:
        size = args.size or ((2400, 1100) if args.compose else (1600, 1000))
        position = None if args.t is None else args.t * show.count
        path = export_show_picture(show, args.out, size, position)
    if not args.quiet:
        print(f"wrote {path} ({size[0]}×{size[1]})")
    return 0


def _camera(args, scene):
    """The camera ``--camera``, ``--azimuth`` and ``--elevation`` ask for (3D)."""
    from dataclasses import replace

    from .geometry3d import CAMERA_PRESETS

    camera = scene.camera() if args.camera == "auto" else CAMERA_PRESETS[args.camera]
    if args.azimuth is not None:
        camera = replace(camera, azimuth=args.azimuth)
    if args.elevation is not None:
        if not -90 <= args.elevation <= 90:
            raise ValueError(f"--elevation must be between -90 and 90 degrees, not {args.elevation:g}")
        camera = replace(camera, elevation=args.elevation)
    return camera


def _export_space(args, scene, size, t):
    """A 3×3 matrix: the 3D scene from the chosen camera (PNG needs OpenGL, SVG does not)."""
    from .export3d import OpenGLUnavailable, export_space

    try:
        return export_space(scene, args.out, size, camera=_camera(args, scene), t=t,
                            caption=not args.no_caption)
    except OpenGLUnavailable as error:
        raise ValueError(str(error)) from None


class ProgressBar:
    """A one-line text bar redrawn in place on a terminal: ``shear.gif [#####·····]  47/94``."""

    WIDTH = 30

    def __init__(self, label: str, stream=None):
        self.label, self.stream = label, stream or sys.stderr
        self._shown = -1

    def __call__(self, done: int, total: int) -> bool:
        filled = self.WIDTH * done // max(total, 1)
        if filled != self._shown or done == total:
            self._shown = filled
            bar = "#" * filled + "·" * (self.WIDTH - filled)
            self.stream.write(f"\r{self.label} [{bar}] {done:>{len(str(total))}}/{total}")
            self.stream.flush()
        return True

    def clear(self) -> None:
        if self._shown >= 0:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _export_animation(args, scene, start, rect) -> int:
    from pathlib import Path

    from .animation_export import export_animation, frame_count

    size = args.size or (1280, 720)
    fps = args.fps or 30
    duration = 3.0 if args.duration is None else args.duration
    loop = True if args.loop is None else args.loop
    bar = ProgressBar(Path(args.out).name) if not args.quiet and sys.stderr.isatty() else None
    try:
        space = {"camera": _camera(args, scene), "orbit": args.orbit or 0.0} if scene.dimension == 3 else {}
        path = export_animation(scene, args.out, size=size, fps=fps, duration=duration, loop=loop,
                                start=start, rect=rect, caption=not args.no_caption, progress=bar,
                                **space)
    finally:
        if bar is not None:
            bar.clear()
    if not args.quiet:
        frames = frame_count(fps, duration)
        print(f"wrote {path} ({size[0]}×{size[1]}, {frames} frames, {duration:g} s at {fps} fps, "
              f"{path.stat().st_size / 1e6:.1f} MB)")
    return 0


def _add_ml_commands(commands) -> None:
    """The ML lab's commands: ``pca`` and ``gd`` (the SVD is ``info --svd``)."""
    pca = commands.add_parser("pca", help="principal components of 2 or 3 columns of a CSV file",
                              description="Mean, covariance, its eigenvalues and eigenvectors (the "
                                          "principal axes) and the share of the variance each explains.")
    pca.add_argument("--csv", required=True, metavar="FILE",
                     help="a CSV file (comma, semicolon or tab; a header row is detected)")
    pca.add_argument("--columns", metavar="NAMES",
                     help="2 or 3 columns by header name or number from 1, e.g. x,y or 2,3 "
                          "(default: the first two numeric columns)")
    pca.add_argument("--format", choices=("text", "json"), default="text")
    gd = commands.add_parser("gd", help="gradient descent on f(x) = ½xᵀAx − bᵀx, A the symmetric "
                                        "part of the matrix",
                             description="The path of gradient descent, and the verdict from A's "
                                         "eigenvalues: converges iff 0 < αλ < 2 (+ 2β with momentum).")
    gd.add_argument("--matrix", required=True, help='2×2 or 3×3, e.g. "3 1; 1 2"')
    gd.add_argument("--start", required=True, metavar="VECTOR", help='the first point, e.g. "2 1"')
    gd.add_argument("--lr", required=True, metavar="ALPHA", help="the learning rate α > 0, e.g. 0.1")
    gd.add_argument("--momentum", default="0", metavar="BETA",
                    help="heavy-ball momentum β, 0 ≤ β < 1 (default 0: plain gradient descent)")
    gd.add_argument("--steps", type=int, default=100, help="how many steps (default 100)")
    gd.add_argument("--b", metavar="VECTOR", help='the linear term b (default 0), e.g. "1 0"')
    gd.add_argument("--format", choices=("text", "json"), default="text")


ML_EXPORT_VIEWS = ("svd", "pca", "layer", "gd")
#: each view's own flags, as (attribute, flag); a flag given to another view is refused
ML_VIEW_FLAGS = {
    "svd": (("rank_one", "--rank-one"),),
    "pca": (("csv", "--csv"), ("columns", "--columns"), ("whiten", "--whiten"), ("seed", "--seed"),
            ("points", "--points")),
    "layer": (("bias", "--bias"), ("activation", "--activation"), ("dataset", "--dataset"),
              ("seed", "--seed"), ("points", "--points")),
    "gd": (("gd_start", "--start"), ("lr", "--lr"), ("momentum", "--momentum"), ("gd_steps", "--steps")),
}
ML_VIEW_ONLY = tuple(dict.fromkeys(flag for flags in ML_VIEW_FLAGS.values() for flag in flags))


def _given(args, name: str) -> bool:
    return getattr(args, name) not in (None, False)


def _export_ml_view(args) -> int:
    """``export --lab svd|pca|layer|gd``: the ML lab's view, as the window draws it at its last
    rest, with its captions (the same figures and panels as File → Export)."""
    from pathlib import Path

    if args.animate and args.lab != "svd":
        raise ValueError("--animate plays M = UΣVᵀ: it is for --lab svd (the other views are stills)")
    for given, flag in ((args.t, "--t"), (args.vector, "--vector"), (args.session, "--session"),
                        (args.compose, "--compose"), (args.sequence, "--sequence"), (args.start, "--from"),
                        (args.duration, "--duration"), (args.orbit, "--orbit")):
        if given not in (None, False):
            raise ValueError(f"--lab draws the view as the window does; it does not go with {flag}")
    own = {name for name, _ in ML_VIEW_FLAGS[args.lab]}
    for name, flag in ML_VIEW_ONLY:
        if name not in own and _given(args, name):
            views = " or ".join(f"--lab {view}" for view, flags in ML_VIEW_FLAGS.items()
                                if name in dict(flags))
            raise ValueError(f"{flag} is for {views}")
    if args.matrix is None and args.lab != "pca":
        raise ValueError("--lab draws the matrix given with --matrix")
    if args.lab == "pca" and args.csv is not None and args.matrix is not None:
        raise ValueError("--matrix makes clusters of covariance AAᵀ; a --csv file brings its own points")
    if args.columns is not None and args.csv is None:
        raise ValueError("--columns picks columns of a --csv file")
    for given, flag in ((args.seed, "--seed"), (args.points, "--points")):
        if args.lab == "pca" and args.csv is not None and given is not None:
            raise ValueError(f"{flag} is for generated clusters; a --csv file brings its own points")
    sizes = (2,) if args.lab == "layer" else (2, 3)
    matrix = None if args.matrix is None else _read_matrix(args.matrix, sizes=sizes)
    theme, palette = args.theme or "dark", args.palette or "okabe-ito"
    size = args.size or (1600, 1000)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    from PyQt6 import QtWidgets

    from .export import check_size, picture_format

    if args.animate:
        from .animation_export import animation_format

        animation_format(args.out)  # refuse a bad file name before any drawing
        size = args.size or (1280, 720)
    else:
        picture_format(args.out)
        check_size(size)
    # every setting is read and checked before Qt starts and anything is drawn
    draw = {"svd": _svd_drawing, "pca": _pca_drawing, "layer": _layer_drawing,
            "gd": _descent_drawing}[args.lab](args, matrix)
    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["linear-lens"])
    path = draw(args.out, size, theme, palette)
    if not args.quiet:
        print(f"wrote {Path(path)} ({size[0]}×{size[1]})")
    return 0


def _svd_drawing(args, matrix):
    """The SVD's three stages ending on M (or σ₁u₁v₁ᵀ), as a still or, with --animate, played."""
    from pathlib import Path

    from .labs.ml.svd_settings import SVDSettings

    def draw(out, size, theme, palette):
        from .labs.ml.svd_mode import export_svd_animation, svd_panels
        from .labs.ml.svd_scenes import svd_show
        from .panels_picture import export_panels

        show = svd_show(matrix, SVDSettings(rank_one=args.rank_one), theme, palette)
        if args.animate:
            bar = ProgressBar(Path(out).name) if not args.quiet and sys.stderr.isatty() else None
            try:
                return export_svd_animation(show, out, size, fps=args.fps or 30,
                                            loop=True if args.loop is None else args.loop, progress=bar)
            finally:
                if bar is not None:
                    bar.clear()
        panels, footer = svd_panels(show, show.count)
        return export_panels(panels, out, size, footer, "The SVD of a matrix, exported by Linear Lens")
    return draw


def _whole_in(value: int, low: int, high: int, flag: str) -> int:
    if not low <= value <= high:
        raise ValueError(f"{flag} must be a whole number from {low:,} to {high:,}, not {value}")
    return value


def _pca_drawing(args, matrix):
    """The PCA view's steps for ``--csv`` (its ``--columns``) or generated clusters, checked."""
    from dataclasses import replace

    from .labs.ml import pca_settings
    from .labs.ml.pca import principal_components
    from .labs.ml.pca_picture import PcaSteps
    from .labs.ml.state import DEFAULT_MATRICES

    settings = pca_settings.PcaSettings.default(2 if matrix is None else matrix.shape[0])
    if args.csv is not None:
        columns = () if args.columns is None else tuple(c.strip() for c in args.columns.split(","))
        settings = replace(settings, source="csv", csv_path=args.csv, columns=columns)
        dataset = pca_settings.csv_dataset(settings)
    else:
        if args.seed is not None:
            settings = replace(settings, seed=_whole_in(args.seed, 0, pca_settings.MAX_SEED, "--seed"))
        if args.points is not None:
            settings = replace(settings, count=_whole_in(args.points, 1, pca_settings.MAX_CLUSTER_POINTS,
                                                          "--points"))
        dataset = pca_settings.generated_dataset(settings, DEFAULT_MATRICES[2] if matrix is None else matrix)
    steps = PcaSteps(principal_components(dataset), args.whiten)

    def draw(out, size, theme, palette):
        from .labs.ml.pca_mode import export_pca
        from .labs.ml.plane_plot import Look

        return export_pca(steps, out, size, Look(theme, palette))
    return draw


def _layer_drawing(args, matrix):
    """The typed layer σ(Wx + b) (W from --matrix) on the chosen cloud, checked."""
    from dataclasses import replace

    from .labs.ml import layer_settings
    from .labs.ml.datasets import DATASETS, MAX_POINTS
    from .labs.ml.network import ACTIVATIONS

    spec = layer_settings.LayerSpec(matrix)
    if args.bias is not None:
        spec = replace(spec, bias=_read_vector(args.bias, "--bias", 2))
    if args.activation is not None:
        if args.activation not in ACTIVATIONS:
            raise ValueError(f"--activation must be one of {', '.join(ACTIVATIONS)}, not '{args.activation}'")
        spec = replace(spec, activation=args.activation)
    settings = layer_settings.LayerSettings(layers=(spec,))
    if args.dataset is not None:
        if args.dataset not in DATASETS:
            raise ValueError(f"--dataset must be one of {', '.join(DATASETS)}, not '{args.dataset}'")
        settings = replace(settings, dataset=args.dataset)
    if args.seed is not None:
        settings = replace(settings, seed=_whole_in(args.seed, 0, layer_settings.MAX_SEED, "--seed"))
    if args.points is not None:
        settings = replace(settings, count=_whole_in(args.points, 2, MAX_POINTS, "--points"))

    def draw(out, size, theme, palette):
        from .labs.ml.layer_mode import export_layer, layer_play
        from .labs.ml.plane_plot import Look

        return export_layer(layer_play(settings, matrix), settings, out, size, Look(theme, palette))
    return draw


def _descent_drawing(args, matrix):
    """Gradient descent from --start with --lr, --momentum and --steps, checked."""
    from kernels import parse_scalar

    from .labs.ml.descent_settings import DEFAULT_STARTS, DescentSettings

    n = matrix.shape[0]
    default = DescentSettings(DEFAULT_STARTS[n])
    settings = DescentSettings(
        DEFAULT_STARTS[n] if args.gd_start is None else _read_vector(args.gd_start, "--start", n),
        default.learning_rate if args.lr is None else parse_scalar(args.lr),
        default.momentum if args.momentum is None else parse_scalar(args.momentum),
        default.steps if args.gd_steps is None else args.gd_steps)
    problem = settings.problem(n)
    if problem:
        raise ValueError(problem)

    def draw(out, size, theme, palette):
        from .labs.ml.descent_canvas import export_descent
        from .labs.ml.descent_picture import descent_picture

        return export_descent(descent_picture(matrix, settings), out, size, theme, palette)
    return draw


def _info_svd(args) -> int:
    """``info --svd``: σ, U, V, κ, the rank-1 approximation and the stages of M = UΣVᵀ."""
    from kernels import Matrix

    from .labs.ml import report, singular

    for flag, given in (("--vectors", args.vectors), ("--eliminate", args.eliminate),
                        ("--target", args.target), ("--steps", args.steps or None)):
        if given is not None:
            raise ValueError(f"--svd is for one matrix (--matrix or --expr); it does not go with {flag}")
    if args.format == "markdown":
        raise ValueError("--svd writes text, json or latex, not markdown")
    matrix = _read_matrix(args.matrix, sizes=(2, 3)) if args.matrix is not None \
        else _evaluate(args.expr, args.define)
    if not isinstance(matrix, Matrix) or matrix.shape not in ((2, 2), (3, 3)):
        raise ValueError(f"--svd needs a 2×2 or 3×3 matrix; '{args.expr}' is not one")
    facts = singular.singular_facts(matrix)
    if args.format == "json":
        print(json.dumps(report.svd_dict(facts), indent=2, ensure_ascii=False))
    else:
        print(report.svd_latex(facts) if args.format == "latex" else report.svd_text(facts))
    return 0


def _pca(args) -> int:
    """``pca``: read the CSV, then the principal components of the chosen columns."""
    from .labs.ml import pca, report

    columns = None if args.columns is None else args.columns.split(",")
    analysis = pca.principal_components(pca.read_csv(args.csv, columns))
    if args.format == "json":
        print(json.dumps(report.pca_dict(analysis), indent=2, ensure_ascii=False))
    else:
        print(report.pca_text(analysis))
    return 0


def _gd(args) -> int:
    """``gd``: the verdict from the eigenvalues, and the path that checks it."""
    from kernels import parse_scalar

    from .labs.ml import descent, report

    matrix = _read_matrix(args.matrix, sizes=(2, 3))
    n = matrix.shape[0]
    learning_rate = parse_scalar(args.lr)  # exact when it can be: 0.1 is 1/10
    momentum = parse_scalar(args.momentum)
    b = None if args.b is None else _read_vector(args.b, "--b", n)
    start = _read_vector(args.start, "--start", n)
    bowl = descent.quadratic(matrix, b)
    result = descent.verdict(bowl, learning_rate, momentum)
    run = descent.descend(bowl, start, learning_rate, momentum, args.steps)
    if args.format == "json":
        print(json.dumps(report.gd_dict(bowl, learning_rate, momentum, run, result), indent=2,
                         ensure_ascii=False))
    else:
        print(report.gd_text(bowl, learning_rate, momentum, run, result))
    return 0


def _add_lesson_command(commands) -> None:
    """``lesson --list`` and ``lesson export NAME --out DIR``."""
    lesson = commands.add_parser("lesson", help="list the lessons, or write one as a Markdown handout",
                                 description="The lessons of assets/lessons: --list shows them; "
                                             "export NAME --out DIR writes NAME.md with one PNG per step.")
    lesson.add_argument("action", nargs="?", choices=("export",), help="export: write a handout")
    lesson.add_argument("name", nargs="?", help="the lesson: its file name (05-determinant) or number (5)")
    lesson.add_argument("--list", action="store_true", help="list the lessons with their steps")
    lesson.add_argument("--format", choices=("text", "json"), default="text", help="for --list")
    lesson.add_argument("--out", metavar="DIR", help="the folder for the handout (made if missing)")
    lesson.add_argument("--theme", choices=("dark", "light"), default="dark", help="of the pictures")


def _lesson(args) -> int:
    """``lesson --list``: every lesson (a broken file is named on stderr, the rest listed);
    ``lesson export``: the handout of one lesson."""
    from .lessons.format import find_lesson, load_lessons

    if args.list == (args.action == "export"):
        raise ValueError("say either --list, or export NAME --out DIR")
    lessons, problems = load_lessons()
    for problem in problems:
        print(f"linear-lens lesson: skipped {problem}", file=sys.stderr)
    if args.list:
        if args.name or args.out:
            raise ValueError("--list takes no lesson name and no --out")
        rows = [{"name": x.name, "title": x.title, "summary": x.summary, "steps": len(x.steps),
                 "exercises": x.exercise_count} for x in lessons]
        if args.format == "json":
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            for row in rows:
                print(f"{row['name']:<22} {row['title']}  "
                      f"({row['steps']} steps, {row['exercises']} exercises)")
        return 0
    if not args.name or not args.out:
        raise ValueError("export needs a lesson and a folder: lesson export 05-determinant --out DIR")
    lesson = find_lesson(lessons, args.name)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt6 import QtWidgets

    from .lessons.handout import write_handout
    from .lessons.pictures import draw_step

    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["linear-lens"])
    path = write_handout(lesson, args.out, lambda les, number, out: draw_step(les, number, out, args.theme))
    print(f"wrote {path} and {len(lesson.steps)} pictures")
    return 0


def display_problem(environ=None, platform: str | None = None) -> str | None:
    """Why the app could not open a window here, or ``None`` when it can try.

    On Linux and the BSDs Qt draws through an X11 or Wayland display. With neither one, and no
    ``QT_QPA_PLATFORM`` chosen by hand, Qt aborts with a misleading message about a missing
    xcb library, so we say what is really missing before Qt starts.

    >>> display_problem({}, "linux") is None, display_problem({"DISPLAY": ":0"}, "linux") is None
    (False, True)
    >>> display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux"), display_problem({}, "win32")
    (None, None)
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "darwin") or any(
            environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return ("no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set): start it "
            "from a desktop session, or on a server with: xvfb-run linear-lens")


def _output_closed() -> int:
    """The reader of our output has gone (``| head``): stop quietly, as Python's docs advise.

    Whatever is still buffered would fail again when Python flushes it on the way out, so
    standard output is pointed at the null device first."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # standard output is not a file (a test's captured output)
        pass
    return EXIT_OUTPUT_CLOSED


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        problem = display_problem()
        if problem:
            print(f"linear-lens: {problem}", file=sys.stderr)
            return EXIT_BAD_INPUT
        from .app import main as start_app

        return start_app(sys.argv[:1])
    try:
        status = {"export": _export, "info": _info, "pca": _pca, "gd": _gd,
                  "lesson": _lesson}[args.command](args)
        sys.stdout.flush()  # a reader that has gone shows up here, where it can be handled
        return status
    except BrokenPipeError:  # an OSError, so before the one-line errors below
        return _output_closed()
    except (ValueError, OSError) as error:  # ExpressionError, ShapeError, ExportError are ValueErrors
        print(f"linear-lens {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:  # Ctrl+C while an animation is written: no partial file is left
        print(f"linear-lens {args.command}: interrupted, nothing written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
