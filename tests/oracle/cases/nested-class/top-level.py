class Product:
    pass


class Factory:
    def build(self) -> Product:
        return Product()
