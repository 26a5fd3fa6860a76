"""What a language model is shown of a tool (kept free of imports so any backend can use it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ToolSpec:
    """A tool's name, what it is for, and its JSON-schema arguments."""

    name: str
    description: str
    parameters: Mapping[str, Any]

    def openai_format(self) -> dict[str, Any]:
        return {
            "type": "function",
            "function": {"name": self.name, "description": self.description, "parameters": dict(self.parameters)},
        }
