"""Lessons and exercises: a path through the subject, with predictions checked exactly."""
