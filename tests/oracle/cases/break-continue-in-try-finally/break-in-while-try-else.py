def drain(stack: list[int]) -> int:
    total = 0
    while stack:
        try:
            top = stack.pop()
        except IndexError:
            pass
        else:
            if top == 0:
                break
            total += top
        finally:
            total += 1
    return total
