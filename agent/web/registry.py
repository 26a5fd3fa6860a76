"""The staff API's single registry; route modules add their endpoints to it on import."""

from agent.web.api import Api

api = Api(title="Concierge staff API", version="1.0.0")
