"""kcdesk: quarterly analysis of citizens' requests to contact centres (Methodology 114-НҚ)."""

__version__ = "0.1.0"
