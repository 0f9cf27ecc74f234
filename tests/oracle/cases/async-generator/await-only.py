import asyncio


async def double(x: int) -> int:
    await asyncio.sleep(0)
    return 2 * x


async def plus_one(x: int) -> int:
    y = await double(x)
    return y + 1
