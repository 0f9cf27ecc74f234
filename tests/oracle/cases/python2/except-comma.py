def parse(s):
    try:
        return int(s)
    except ValueError, e:
        return 0
