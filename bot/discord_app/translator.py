"""The translator discord.py asks for every command's name, description, option names and
choices when it registers them: zh-CN and zh-TW from `bot.discord_app.locales`, English
otherwise."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord_app.locales import NAMES, TEXTS, choice_name

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
        if context.location is app_commands.TranslationContextLocation.choice_name:
            return choice_name(string.message, locale.value)
        table = NAMES if context.location in _NAMED else TEXTS
        return table.get(locale.value, {}).get(string.message)
