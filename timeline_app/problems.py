"""What is wrong with an editor's file, said so that they can fix it.

Every loader reports problems as :class:`Problem` values instead of raising,
so one bad row never hides the good ones and the CLI, the loader and the app
all say the same thing in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem at one place: ``FILE:LINE: column: message`` plus a fix hint.

    ``severity`` is ``"error"`` when the row could not be used (it is not on
    the timeline) and ``"warning"`` when it is shown but something is off.
    """

    file: str
    line: int
    column: str
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.column}: {self.message}"
        if self.severity == "warning":
            text += " (warning: the row is still shown)"
        return f"{text}; fix: {self.hint}" if self.hint else text
