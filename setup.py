"""Package discovery that cannot forget a package: every package under kernels/ and viz/ is
found on disk, and assets/ (at the top of the repository) is installed as viz.assets."""

from setuptools import find_namespace_packages, setup

setup(packages=[*find_namespace_packages(include=["kernels*", "viz*"], exclude=["*__pycache__"]),
                "viz.assets"])
