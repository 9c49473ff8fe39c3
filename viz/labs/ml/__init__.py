"""The ML lab: the singular value decomposition, PCA on the learner's data, and gradient descent
tied to eigenvalues.

The maths sits in Qt-free modules the command line uses without starting a GUI:
:mod:`~viz.labs.ml.singular` (SVD facts), :mod:`~viz.labs.ml.pca` (CSV reading and principal
components), :mod:`~viz.labs.ml.descent` (gradient descent on a quadratic bowl) and
:mod:`~viz.labs.ml.report` (their text, JSON and LaTeX). This package file imports nothing, so
importing one of them never starts Qt.
"""
