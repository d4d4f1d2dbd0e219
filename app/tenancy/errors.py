"""Store errors with a translatable message and, optionally, the form field."""


class StoreError(Exception):
    def __init__(self, message, field: str | None = None):
        self.message = message
        self.field = field
        super().__init__(str(message))
