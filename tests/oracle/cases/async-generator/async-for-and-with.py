class Ticker:
    def __init__(self, n: int) -> None:
        self.n = n

    def __aiter__(self) -> "Ticker":
        return self

    async def __anext__(self) -> int:
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def count(t: Ticker) -> int:
    total = 0
    async for i in t:
        total = total + i
    return total
