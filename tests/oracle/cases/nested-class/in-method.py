class Factory:
    def build(self) -> object:
        class Product:
            pass

        return Product()
