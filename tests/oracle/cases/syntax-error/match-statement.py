def describe(x: object) -> str:
    match x:
        case int():
            return "int"
        case [a, b]:
            return "pair"
        case {"k": v}:
            return "mapping"
        case _:
            return "other"
