"""briefing: a slide-first generator of Danish political briefing decks."""

__version__ = "0.1.0"
