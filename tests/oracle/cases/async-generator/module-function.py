from typing import AsyncIterator


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i
