"""The hotel back office: domain logic and its SQL. Imports neither aiohttp nor pipecat."""
