"""Typed tools over the back office, shared by LLM function calling and any other caller."""
