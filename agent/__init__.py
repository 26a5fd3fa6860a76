"""Composition root: settings, the aiohttp application, the CLI and the conversation agent."""
