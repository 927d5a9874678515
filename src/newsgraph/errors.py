"""Exceptions named after the condition; the CLI turns each into one `Error:` line."""


class NewsgraphError(Exception):
    """Base class: the message is a sentence a user can act on."""


class InputRejected(NewsgraphError):
    """An input file or record cannot become a document."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


class ModelMissing(NewsgraphError):
    """The spaCy pipeline asked for is not installed."""


class DatabaseError(NewsgraphError):
    """The database cannot be opened or is not a newsgraph database."""


class NotFound(NewsgraphError):
    """A document, entity, event or story that does not exist."""


class OptionalDependencyMissing(NewsgraphError):
    """A feature needs an extra that is not installed."""

    def __init__(self, feature: str, extra: str):
        super().__init__(f"{feature} needs an optional package: pip install 'newsgraph[{extra}]'")
