"""Wallet gateways (bKash, Nagad, SSLCommerz): each provider's wire protocol over an injected HTTP client."""

from backoffice.payment_providers.base import PROVIDERS, Gateway, HttpClient, ProviderName

__all__ = ["PROVIDERS", "Gateway", "HttpClient", "ProviderName"]
