"""formtools storage that keeps the wizard's answers encrypted in the session.

formtools' SessionStorage writes the raw POST into the session row, where it
sits as base64+zlib, readable by anyone with the database. This storage
keeps the same structure in memory during the request and writes it back,
encrypted with the visitor's key, when the response goes out.
"""

from __future__ import annotations

from typing import Any

from formtools.wizard.storage.base import BaseStorage

from core import visitor_store


class EncryptedSessionStorage(BaseStorage):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stored = visitor_store.read(self.request, self.prefix)
        if isinstance(stored, dict) and set(stored) == {
            self.step_key,
            self.step_data_key,
            self.step_files_key,
            self.extra_data_key,
        }:
            self._data = stored
        else:
            self.init_data()

    def _get_data(self) -> dict[str, Any]:
        return self._data

    def _set_data(self, value: dict[str, Any]) -> None:
        self._data = value

    data = property(_get_data, _set_data)

    def save(self) -> None:
        visitor_store.write(self.request, self.prefix, self._data)

    def update_response(self, response: Any) -> None:
        self.save()
        super().update_response(response)
