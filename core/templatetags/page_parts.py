"""``{% same_for_everyone %}…{% end_same_for_everyone %}``: page parts drawn once per language.

Most of ``base.html`` (the exit links, the footer with the hotlines, the
idle-timeout dialog's text, the scripts) is the same for every visitor who
reads the same language, yet was drawn again on every page: translations
looked up, URLs reversed, values escaped. That was a third of the cost of
drawing a question page (docs/performance.md). A block marked with this tag
is drawn the first time a language needs it, in a context of its own that
holds only values from settings, and the HTML is kept for the life of the
process (the template itself is cached the same way).

So nothing a visitor typed or owns can ever be kept here: inside the block,
the request, the session, the CSRF token and every page variable are simply
absent (they draw as empty). Forms, blocks and anything per visitor stay
outside it.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from core.context_processors import safety_values

register = template.Library()


class SameForEveryoneNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist
        self.drawn: dict[tuple[Any, ...], SafeString] = {}

    def render(self, context: template.Context) -> str:
        values = safety_values()
        # Everything the block may depend on: the language, and the settings
        # and URL configuration behind its values, links and static paths.
        key = (
            translation.get_language() or settings.LANGUAGE_CODE,
            tuple(values.items()),
            get_script_prefix(),
            get_urlconf(),
            settings.STATIC_URL,
        )
        html = self.drawn.get(key)
        if html is None:
            # ``new`` keeps the engine and autoescaping but none of the page's
            # values, and (for a RequestContext) none of the context processors'.
            isolated = context.new(values)
            html = mark_safe(self.nodelist.render(isolated))  # noqa: S308 - drawn by the template engine, autoescaped, from settings alone
            self.drawn[key] = html
        return html


@register.tag
def same_for_everyone(parser: Any, token: Any) -> SameForEveryoneNode:
    nodelist = parser.parse(("end_same_for_everyone",))
    parser.delete_first_token()
    return SameForEveryoneNode(nodelist)


@register.simple_tag
def inline_asset(path: str) -> SafeString:
    """The text of our own static file, for a <style> or <script> in the page.

    Only our two files, named in the template (never anything a visitor
    sends); the CSP allows exactly their hashes (core.inline_assets).
    """
    from core import inline_assets

    if path not in (inline_assets.STYLESHEET, inline_assets.SCRIPT):
        raise template.TemplateSyntaxError(f"not an inline asset: {path}")
    return mark_safe(inline_assets.text(path))  # noqa: S308 - our own file
