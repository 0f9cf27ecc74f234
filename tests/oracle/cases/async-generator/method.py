from typing import AsyncIterator


class Source:
    def __init__(self, items: list[str]) -> None:
        self.items = items

    async def stream(self) -> AsyncIterator[str]:
        for item in self.items:
            yield item
