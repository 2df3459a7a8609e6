"""The translator discord.py asks for every command's name, description and option names
when it registers them: zh-CN and zh-TW from `bot.discord_app.locales`, English otherwise."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord_app.locales import NAMES, TEXTS

_NAMED = {
    app_commands.TranslationContextLocation.command_name,
    app_commands.TranslationContextLocation.group_name,
    app_commands.TranslationContextLocation.parameter_name,
}


class ChineseTranslator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        """The text for `locale`, or None (Discord then shows the English)."""
        table = NAMES if context.location in _NAMED else TEXTS
        return table.get(locale.value, {}).get(string.message)
