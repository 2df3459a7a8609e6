"""The one error ingest raises: it names the file, the line and what is wrong."""


class IngestError(Exception):
    def __init__(self, file: str, reason: str, line: int | None = None) -> None:
        self.file = file
        self.reason = reason
        self.line = line
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {reason}")
