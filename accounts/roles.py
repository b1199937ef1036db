"""Roles are Django groups, so permissions can be attached to them later."""

LEARNER = "Learner"
INSTRUCTOR = "Instructor"
