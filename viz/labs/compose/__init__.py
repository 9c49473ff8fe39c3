"""The composition & elimination lab: AB against BA, a sequence one step at a time, Gaussian
elimination as motion, and matrix multiplication as columns.

The package itself imports nothing: its Qt-free parts (:mod:`.state`, :mod:`.stages`) serve the
command line without starting Qt, and :mod:`.lab` (with ``LAB``) is what the registry loads.
"""
