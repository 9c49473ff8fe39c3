"""The studio lab: a 2×2 or 3×3 matrix and the vectors it moves, in the plane or in space."""

from .lab import StudioLab

LAB = StudioLab
