class Pair:
    [first, second] = ["a", "b"]
