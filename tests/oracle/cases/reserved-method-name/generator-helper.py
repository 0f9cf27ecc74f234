class Task:
    def __mypyc_generator_helper__(self) -> None:
        pass
