"""Thin HTTP handlers for the staff API; all logic lives in ``backoffice``."""
