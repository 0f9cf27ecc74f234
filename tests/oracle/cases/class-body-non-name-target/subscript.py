class Table:
    cells = [0, 0, 0]
    cells[0] = 1
