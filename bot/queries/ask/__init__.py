"""`/ask`: questions in plain words, English or Chinese (issue 15)."""

from bot.queries.ask.answer import ask
from bot.queries.ask.understand import Question, understand

__all__ = ["Question", "ask", "understand"]
