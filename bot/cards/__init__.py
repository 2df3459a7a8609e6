"""Answers as cards: `build.card_for` turns any answer into one render-neutral `Card` (every
wording lives in the builders here, once), and two layouts show a card: `text` for the
terminal and `embed` for Discord. Nothing here but `embed*` imports discord.py."""
