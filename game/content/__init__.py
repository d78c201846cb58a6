"""Scenario content: YAML loading with source positions, typed models, validation and lint.

This package knows nothing of numpy or pygame.
"""
