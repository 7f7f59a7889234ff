"""The one exception that means "the user's input is bad", not "circlesort has a bug"."""


class InputError(Exception):
    """Bad input: the CLI prints ``path: problem`` on one line and exits with status 2."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
