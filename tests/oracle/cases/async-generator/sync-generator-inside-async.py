from typing import Iterator


async def squares(n: int) -> list[int]:
    def gen() -> Iterator[int]:
        for i in range(n):
            yield i * i

    return list(gen())
