"""Imports every tool module so each registers its tools on ``tools.registry.REGISTRY``.

The order here is the order the model sees the tools in.
"""

from tools import availability, booking, call_control, info, requests  # noqa: F401
