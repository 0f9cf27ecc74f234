class Widget:
    try:
        limit = int("3")
    except ValueError:
        limit = 0
