class Task:
    def generator_helper(self) -> None:
        pass
